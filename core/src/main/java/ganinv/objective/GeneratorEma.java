package ganinv.objective;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ganinv.UserError;
import ganinv.model.Generator;
import ganinv.model.NetConfig;
import ganinv.model.Network;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An exponential moving average of G's weights (StyleGAN2's G_ema), the generator a trained run
 * samples, inverts and edits with. Its half-life is given in images, as StyleGAN2's ema_kimg, so
 * that it means the same at every batch size: after each G update of B images,
 * θ_ema ← β·θ_ema + (1 − β)·θ with β = 0.5^(B / halfLife).
 */
final class GeneratorEma {
    static final String NAME = ganinv.api.types.Generator.G_EMA.toString();
    private final Network average;
    private final double halfLifeImages;

    /** Starts equal to {@code generator}; never trained by a gradient. */
    GeneratorEma(Network generator, NetConfig net, double halfLifeImages, NDManager manager) {
        if (!(halfLifeImages > 0) || Double.isInfinite(halfLifeImages)) {
            throw new UserError("--g-ema " + halfLifeImages + ": must be a half-life in images > 0 (or 0 for no EMA)");
        }
        this.halfLifeImages = halfLifeImages;
        this.average = Generator.create(NAME, net, manager);
        average.freeze();                                    // for good: no gradient is ever kept for it
        Map<String, NDArray> source = generator.weights();
        average.weights().forEach((name, w) -> w.set(new NDIndex("..."), source.get(name)));
    }

    Network network() {
        return average;
    }

    /** One G update of {@code images} images later: θ_ema ← θ_ema − (1 − β)(θ_ema − θ). */
    void update(Network generator, long images) {
        float keep = (float) Math.pow(0.5, images / halfLifeImages);
        Map<String, NDArray> source = generator.weights();
        for (Map.Entry<String, NDArray> e : average.weights().entrySet()) {
            NDArray w = e.getValue();
            try (NDArray step = w.sub(source.get(e.getKey()))) {
                w.subi(step.muli(1 - keep));
            }
        }
    }

    /** The averaged weights by checkpoint name ("g_ema/..."); live arrays. */
    Map<String, NDArray> state() {
        Map<String, NDArray> state = new LinkedHashMap<>();
        average.weights().forEach((name, w) -> state.put("g_ema/" + name, w));
        return state;
    }
}
