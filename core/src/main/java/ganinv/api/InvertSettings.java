package ganinv.api;

import ganinv.api.types.BadInputException;
import ganinv.api.types.InvertLoss;
import ganinv.api.types.InvertMode;
import ganinv.invert.OptimizeSettings;

/**
 * How to invert: the mode and, for {@link InvertMode#OPTIMIZE} and {@link InvertMode#HYBRID},
 * the optimiser's settings. The defaults are those of {@code ganinv invert}. Immutable; make one
 * with {@link #builder()}. Invalid values are refused by {@link Builder#build()} with a
 * {@link BadInputException}.
 *
 * @param mode encoder, optimize or hybrid
 * @param steps Adam steps per start (optimize/hybrid)
 * @param learningRate Adam's step size on z (optimize/hybrid)
 * @param loss reconstruction loss (optimize/hybrid)
 * @param priorWeight weight W of W·||z||²/d, which keeps codes where the prior has mass (optimize/hybrid)
 * @param restarts starts per image, the best kept; hybrid's first start is the encoder's code
 * @param batch images processed together
 * @param seed seed of the random starts
 */
public record InvertSettings(InvertMode mode, int steps, double learningRate, InvertLoss loss, double priorWeight,
                             int restarts, int batch, long seed) {
    /**
     * Checks every value; the optimiser's are checked whatever the mode.
     *
     * @param mode encoder, optimize or hybrid
     * @param steps Adam steps per start, at least 1
     * @param learningRate Adam's step size on z, positive
     * @param loss the reconstruction loss
     * @param priorWeight W of W·||z||²/d, at least 0
     * @param restarts starts per image, at least 1
     * @param batch images processed together, at least 1
     * @param seed seed of the random starts
     * @throws BadInputException when a value is out of range
     */
    public InvertSettings {
        Guard.require(mode != null, "mode: must be encoder, optimize or hybrid, not null");
        Guard.require(mode != null && loss != null, "mode and loss: null; pass one of their constants");
        Guard.run(() -> new OptimizeSettings(steps, learningRate, loss, priorWeight, restarts, batch, seed));
    }

    /** @return a builder holding the defaults: encoder, 200 steps, lr 0.05, l2, W 0, 1 start, batch 64, seed 0 */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the one-pass encoder with the default batch */
    public static InvertSettings encoder() {
        return builder().build();
    }

    OptimizeSettings optimizer() {
        return new OptimizeSettings(steps, learningRate, loss, priorWeight, restarts, batch, seed);
    }

    /** Builds {@link InvertSettings}; every setter returns the builder. Not thread-safe. */
    public static final class Builder {
        private InvertMode mode = InvertMode.ENCODER;
        private int steps = 200;
        private double learningRate = 0.05;
        private InvertLoss loss = InvertLoss.L2;
        private double priorWeight;
        private int restarts = 1;
        private int batch = 64;
        private long seed;

        private Builder() {
        }

        /**
         * @param mode how to invert; default encoder
         * @return this builder
         */
        public Builder mode(InvertMode mode) {
            this.mode = mode;
            return this;
        }

        /**
         * @param steps Adam steps per start, at least 1; default 200
         * @return this builder
         */
        public Builder steps(int steps) {
            this.steps = steps;
            return this;
        }

        /**
         * @param learningRate Adam's step size on z, positive; default 0.05
         * @return this builder
         */
        public Builder learningRate(double learningRate) {
            this.learningRate = learningRate;
            return this;
        }

        /**
         * @param loss the reconstruction loss; default {@link InvertLoss#L2}
         * @return this builder
         */
        public Builder loss(InvertLoss loss) {
            this.loss = loss;
            return this;
        }

        /**
         * @param priorWeight W of W·||z||²/d, at least 0; default 0
         * @return this builder
         */
        public Builder priorWeight(double priorWeight) {
            this.priorWeight = priorWeight;
            return this;
        }

        /**
         * @param restarts starts per image, at least 1; default 1
         * @return this builder
         */
        public Builder restarts(int restarts) {
            this.restarts = restarts;
            return this;
        }

        /**
         * @param batch images processed together, at least 1; default 64
         * @return this builder
         */
        public Builder batch(int batch) {
            this.batch = batch;
            return this;
        }

        /**
         * @param seed seed of the random starts; default 0
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * @return the settings
         * @throws BadInputException when a value is out of range
         */
        public InvertSettings build() {
            return new InvertSettings(mode, steps, learningRate, loss, priorWeight, restarts, batch, seed);
        }
    }
}
