package ganinv.objective;

import ganinv.api.types.LatentDistribution;
import ganinv.model.Scalar;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ganinv.model.Discriminator;
import ganinv.model.NetConfig;
import ganinv.model.Network;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * An encoder fitted to a frozen generator, the "learning-based" inversion of
 * gan-inversion-overview.txt: E learns from pairs (G(z), z) whose latent is known. Loss per step:
 * ||z − E(x)||²/d + w·||G(E(x)) − x||²/(C·R·R) with x = G(z); both squared norms are means over
 * elements, as in the latent-regression GAN, so the weights mean the same at every size.
 *
 * <p>G is never updated. The pixel term back-propagates through G to reach E, so G's gradients
 * are cleared after every step that has one.
 */
public final class EncoderFit implements Trainable {
    public static final String NAME = "fit-encoder";

    private final Network generator;
    private final Network encoder;
    private final NetConfig net;
    private final LatentDistribution prior;
    private final double pixelWeight;
    private final Map<String, Adam> optimizers = new LinkedHashMap<>();

    /**
     * @param generator the trained G, [N, d] -> [N, C, R, R]; left unchanged
     * @param learningRate Adam's step size for E, with {@code beta1} and {@code beta2}
     */
    public EncoderFit(Network generator, NetConfig net, LatentDistribution prior, double pixelWeight, double learningRate,
                      double beta1, double beta2, NDManager manager) {
        this.generator = generator;
        this.net = net;
        this.prior = prior;
        this.pixelWeight = pixelWeight;
        this.encoder = Discriminator.encoder("E", net, manager);
        optimizers.put("E", new Adam(encoder, manager, (float) learningRate, (float) beta1, (float) beta2));
    }

    /** One step on {@code batch} fresh latents; returns latent_mse and, with a pixel weight, pixel_mse. */
    public Map<String, Double> step(NDManager scope, int batch, RandomGenerator rng) {
        int d = net.latentDim();
        Map<String, Double> losses = new LinkedHashMap<>();
        NDArray z = scope.create(prior.sample(rng, batch, d), new Shape(batch, d));   // [B, d]
        NDArray x = generator.forward(z);             // [B, C, R, R], outside the collector: data, not graph
        try (Network.Frozen frozen = generator.freeze();      // the pixel term passes through G, which never learns here
             GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray zHat = encoder.forward(x);                                          // [B, d]
            NDArray latentMse = z.sub(zHat).square().mean();
            NDArray loss = latentMse;
            losses.put("latent_mse", (double) latentMse.getFloat());
            if (pixelWeight > 0) {
                NDArray pixelMse = generator.forward(zHat).sub(x).square().mean();
                loss = loss.add(Scalar.mul(pixelMse, pixelWeight));
                losses.put("pixel_mse", (double) pixelMse.getFloat());
            }
            gc.backward(loss);
        }
        optimizers.get("E").step();
        return losses;
    }

    /** Mean ||z − E(G(z))||²/d over the given latents [N, d], without touching any gradient. */
    public double latentError(NDArray z) {
        return z.sub(encoder.forward(generator.forward(z))).square().mean().getFloat();
    }

    public Network encoder() {
        return encoder;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Network> networks() {
        return Map.of("E", encoder);
    }

    @Override
    public Map<String, Adam> optimizers() {
        return optimizers;
    }
}
