package ganinv.objective;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ganinv.model.Network;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adam for one network, with its moments held here rather than inside DJL's optimizer so that
 * checkpoints can save and restore them exactly. The update itself is the engine's fused kernel
 * (the same one DJL's Adam calls): m = β1·m + (1−β1)·g, v = β2·v + (1−β2)·g²,
 * w −= lr·√(1−β2^t)/(1−β1^t) · m / (√v + ε).
 */
public final class Adam {
    private final Network network;
    private final Map<String, NDArray> means = new LinkedHashMap<>();
    private final Map<String, NDArray> variances = new LinkedHashMap<>();
    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private float learningRate;
    private double scale = 1;
    private long updates;

    public Adam(Network network, NDManager manager, float learningRate, float beta1, float beta2) {
        this.network = network;
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = 1e-8f;
        for (Map.Entry<String, NDArray> w : network.weights().entrySet()) {
            means.put(w.getKey(), manager.zeros(w.getValue().getShape()));
            variances.put(w.getKey(), manager.zeros(w.getValue().getShape()));
        }
    }

    /** Applies the gradients accumulated on the network's weights, then clears them. */
    public void step() {
        updates++;
        double lr = learningRate * scale;
        float corrected = (float) (lr * Math.sqrt(1 - Math.pow(beta2, updates)) / (1 - Math.pow(beta1, updates)));
        for (Map.Entry<String, NDArray> e : network.weights().entrySet()) {
            NDArray w = e.getValue();
            try (NDArray g = w.getGradient()) {
                w.getNDArrayInternal().adamUpdate(
                        new NDList(w, g, means.get(e.getKey()), variances.get(e.getKey())), new NDList(w),
                        (float) lr, corrected, 0f, 1f, -1f, beta1, beta2, epsilon, false, false);
            }
        }
        network.zeroGradients();
    }

    /** Changes the step size from the next update on (a schedule; not saved, it is a function of the step). */
    public void setLearningRate(float lr) {
        this.learningRate = lr;
    }

    public float learningRate() {
        return learningRate;
    }

    /**
     * A factor on the step size that outlives schedule changes: {@code --on-nonfinite rollback}
     * halves it. Saved in checkpoints, since it decides the rest of the run.
     */
    public double learningRateScale() {
        return scale;
    }

    public void setLearningRateScale(double s) {
        this.scale = s;
    }

    public long updates() {
        return updates;
    }

    public void restoreUpdates(long count) {
        this.updates = count;
    }

    /** Moment arrays by name ("m/..." and "v/..."), for checkpoints; live views, not copies. */
    public Map<String, NDArray> state() {
        Map<String, NDArray> state = new LinkedHashMap<>();
        means.forEach((k, v) -> state.put("m/" + k, v));
        variances.forEach((k, v) -> state.put("v/" + k, v));
        return state;
    }
}
