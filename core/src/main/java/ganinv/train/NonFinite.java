package ganinv.train;

import ai.djl.ndarray.NDArray;
import ganinv.model.Network;
import ganinv.objective.Trainable;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The check behind {@code --on-nonfinite}: the first loss term or weight that is NaN or infinite. */
public final class NonFinite {
    private NonFinite() {
    }

    /**
     * Checks every loss term, then every weight of every network (a sum per weight: NaN and
     * infinity survive summing, so one reduction per array is enough). Called after each step.
     */
    public static Optional<String> find(Map<String, Double> losses, Trainable t) {
        for (Map.Entry<String, Double> e : losses.entrySet()) {
            if (!Double.isFinite(e.getValue())) {
                return Optional.of("loss term " + e.getKey() + " (" + e.getValue() + ")");
            }
        }
        for (Network n : t.networks().values()) {
            for (Map.Entry<String, NDArray> w : n.weights().entrySet()) {
                try (NDArray sum = w.getValue().sum()) {        // lives in the weight's manager: closed here
                    float v = sum.getFloat();
                    if (!Float.isFinite(v)) {
                        return Optional.of(String.format(Locale.ROOT, "weight %s of %s (sum %s)", w.getKey(), n.name(), v));
                    }
                }
            }
        }
        return Optional.empty();
    }
}
