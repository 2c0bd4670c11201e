package ganinv.train;

import ganinv.api.types.CollapsePolicy;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The check behind {@code --on-collapse}. Early in training D can win outright: its
 * non-saturating loss softplus(−a_real) + softplus(a_fake) falls towards 0, G's output saturates
 * (on Fashion-MNIST every sample turns black) and G never recovers, because the gradient it
 * gets through a confident D and a saturated tanh is nearly zero. Healthy runs hold that loss
 * near 2·log 2 ≈ 1.39 minus a little (1.17–1.29 on Fashion-MNIST and shapes, 0.82 at the lowest
 * seen); the collapsed Fashion-MNIST seed sat at 0.19–0.32 from step 200 on. So the rule is: the loss term's
 * mean over the last {@code window} steps below {@code threshold}, at a step no later than
 * {@code lastStep} (later, a restart would throw away more than it saves).
 *
 * @param policy restart (fresh weights and latent draws, the same data order), stop, or off
 * @param window steps averaged
 * @param threshold the mean below which D has won
 * @param lastStep the last step (1-based) checked
 * @param maxRestarts restarts before the phase stops with an error
 */
public record CollapseGuard(CollapsePolicy policy, int window, double threshold, long lastStep, int maxRestarts) {
    /**
     * Restart, over 200 steps, below 0.5, up to step 1000, at most 3 times. One threshold serves every
     * method, each calibrated by its own starts (docs/stability.md, 400 steps, guard off): the lowest
     * 200-step mean of healthy starts was 0.71–0.85 for dlsgan (40 starts), 0.66–0.98 for
     * latent-regression, 0.62–0.92 for bigan (D's loss on joint pairs) and 0.66–0.95 for gan (12
     * starts each, G ending linear); dead starts sat at 0.001–0.28.
     */
    public static final CollapseGuard DEFAULT = new CollapseGuard(CollapsePolicy.RESTART, 200, 0.5, 1000, 3);

    public CollapseGuard {
        if (policy == null || window < 1 || lastStep < window || maxRestarts < 0 || !(threshold > 0)) {
            throw new IllegalArgumentException("collapse guard: window >= 1, lastStep >= window, threshold > 0, maxRestarts >= 0");
        }
    }

    /** The default rule with another policy. */
    public static CollapseGuard of(CollapsePolicy policy) {
        return new CollapseGuard(policy, DEFAULT.window, DEFAULT.threshold, DEFAULT.lastStep, DEFAULT.maxRestarts);
    }

    /** D's adversarial loss among a step's terms: dlsgan's {@code loss_d_adv}, the other methods' {@code loss_d}. */
    static String watchedTerm(Map<String, Double> losses) {
        return losses.containsKey("loss_d_adv") ? "loss_d_adv" : losses.containsKey("loss_d") ? "loss_d" : null;
    }

    /** Thrown out of a step when D has won; the trainer restarts or stops. */
    static final class Collapsed extends RuntimeException {
        final long step;
        final String term;
        final double mean;

        Collapsed(long step, String term, double mean, int window) {
            super(String.format(Locale.ROOT, "step %d: D has won (%s averaged %.3f over the last %d steps; a healthy run"
                    + " stays above 0.6), so G's samples have collapsed", step, term, mean, window));
            this.step = step;
            this.term = term;
            this.mean = mean;
        }
    }

    /** A running mean over the last {@code window} steps of one attempt. */
    final class Watch {
        private final double[] ring = new double[window];
        private int filled;
        private int next;
        private double sum;

        /**
         * Adds step {@code done}'s (1-based) losses.
         *
         * @return the window's mean when D has won at this step, else empty
         */
        OptionalDouble add(long done, Map<String, Double> losses) {
            String term = watchedTerm(losses);
            if (policy == CollapsePolicy.OFF || term == null || done > lastStep) {
                return OptionalDouble.empty();
            }
            double v = losses.get(term);
            if (!Double.isFinite(v)) {
                return OptionalDouble.empty();          // --on-nonfinite's business, and it would poison the sum
            }
            sum += v - (filled == window ? ring[next] : 0);
            ring[next] = v;
            next = (next + 1) % window;
            filled = Math.min(filled + 1, window);
            double mean = sum / filled;
            return filled == window && mean < threshold ? OptionalDouble.of(mean) : OptionalDouble.empty();
        }

        /** {@link #add}, throwing {@link Collapsed} when D has won. */
        void check(long done, Map<String, Double> losses) {
            OptionalDouble mean = add(done, losses);
            if (mean.isPresent()) {
                throw new Collapsed(done, watchedTerm(losses), mean.getAsDouble(), window);
            }
        }
    }

    Watch watch() {
        return new Watch();
    }
}
