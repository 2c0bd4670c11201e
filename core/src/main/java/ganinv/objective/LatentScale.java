package ganinv.objective;

import ganinv.api.types.ScaleTracker;
import ganinv.api.types.LatentDistribution;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ganinv.model.HostData;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * DLSGAN's dynamic latent scale: v tracks the element-wise variance of the predicted latent z'
 * (its mean is zero, so mean(z'²) estimates it), and the generator's input is z∘s with
 * s = √d·√v / ||√v||₂, so that mean(s²) = 1 and s ≡ 1 when every element is equally recovered.
 * v starts at ones. Two trackers:
 * <ul>
 *   <li>{@code ring} (the paper): the mean of the per-batch mean(z'²) over the last 512 batches;
 *       the ring starts full of ones, which batches replace one by one;</li>
 *   <li>{@code ema} (the authors' later code): v ← 0.999·v + 0.001·mean(z'²).</li>
 * </ul>
 * The state lives in arrays that checkpoints save and restore, so a resumed run continues with
 * exactly the same v.
 */
public final class LatentScale {
    public static final int RING_BATCHES = 512;
    public static final float EMA_DECAY = 0.999f;

    private final boolean ring;
    private final NDArray history;   // ring: [512, d] per-batch mean(z'²); ema: [1, d] = v
    private final NDArray position;  // ring: [1], the next row to overwrite (exact in float up to 2^24)

    private LatentScale(boolean ring, int d, NDManager manager) {
        this.ring = ring;
        this.history = manager.ones(new Shape(ring ? RING_BATCHES : 1, d));
        this.position = manager.zeros(new Shape(1));
    }

    /** @param tracker the paper's ring of batch means or the authors' later moving average */
    public static LatentScale create(ScaleTracker tracker, int d, NDManager manager) {
        return new LatentScale(tracker == ScaleTracker.RING, d, manager);
    }

    /** v: [d], in the caller's scope. */
    public NDArray variance(NDManager scope) {
        // Ops on the long-lived history land in its manager: close the intermediate, copy into the scope.
        try (NDArray v = ring ? history.mean(new int[] {0}) : history.get(0)) {
            return HostData.copy(scope, v.toFloatArray());
        }
    }

    /** s = √d·√v/||√v||₂ = √(d·v/Σv): [d], in the caller's scope. */
    public NDArray scale(NDManager scope) {
        return scaleOf(variance(scope));
    }

    /** The scale for a given v [d]. */
    public static NDArray scaleOf(NDArray v) {
        return v.div(v.sum()).mul(v.getShape().get(0)).sqrt();
    }

    /**
     * Folds in one batch of predicted latents z' [B, d] (detached). New values are computed in
     * z's scope and copied in, because an op on a long-lived array would leave its result there.
     */
    public void update(NDArray zPred) {
        NDManager scope = zPred.getManager();
        NDArray batchMean = zPred.square().mean(new int[] {0}).expandDims(0);              // [1, d]
        if (ring) {
            int row = (int) position.getFloat();
            history.set(new NDIndex(row + ":" + (row + 1)), batchMean);
            position.set(new NDIndex("..."), HostData.copy(scope, new float[] {(row + 1) % RING_BATCHES}));
        } else {
            NDArray v = HostData.copy(scope, history.toFloatArray(), history.getShape());
            history.set(new NDIndex("..."), v.mul(EMA_DECAY).add(batchMean.mul(1 - EMA_DECAY)));
        }
    }

    /** Arrays a checkpoint saves; live views. */
    public Map<String, NDArray> state() {
        Map<String, NDArray> state = new LinkedHashMap<>();
        state.put("scale/history", history);
        state.put("scale/position", position);
        return state;
    }

    /**
     * Differential entropy of z∘s in nats: normal prior Σ log s_i + (d/2)·log(2πe); uniform prior
     * (on [−√3, √3]) Σ log(2√3·s_i).
     */
    public static double entropy(float[] s, LatentDistribution prior) {
        double sumLog = 0;
        for (float x : s) {
            sumLog += Math.log(x);
        }
        return prior == LatentDistribution.NORMAL ? sumLog + s.length / 2.0 * Math.log(2 * Math.PI * Math.E)
                : sumLog + s.length * Math.log(2 * Math.sqrt(3));
    }
}
