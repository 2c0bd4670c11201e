package ganinv.train;

import ganinv.UserError;
import ganinv.objective.MethodOptions;

/**
 * Everything that determines fitting an encoder to a trained generator; saved as
 * {@code RUN/encoder/config.json} and in every encoder checkpoint.
 *
 * @param generatorStep the run's step whose G the encoder inverts; a G trained further makes it stale
 * @param data the real images fitted to, as {@code --data} names them (the run's own data when it is
 *             the run's spec); null for a fit from generated pairs alone (and in files written
 *             before real-image fits existed)
 * @param steps total fitting steps (a resumed fit continues to this count)
 * @param warmupSteps the first steps of a real-image fit that use pairs alone: a gan run has no
 *                    trained encoder to start from
 * @param batch images per step (real ones, and as many generated)
 * @param pixelWeight weight of the pixel term ||G(E(x)) − x||²/(C·R·R); 0 turns it off
 * @param featureWeight weight of D's trunk-feature term (real-image fits)
 * @param latentWeight weight of ||z − E(G(z))||²/d on generated pairs (real-image fits; a pairs
 *                     fit always weighs it 1)
 * @param priorWeight weight of ‖E(x)‖²/d on the real images' codes (real-image fits)
 * @param learningRate Adam's step size for E, with {@code beta1} and {@code beta2}
 * @param seed seed of E's initial weights, the batch order and the latents drawn
 */
public record FitConfig(long generatorStep, String data, int steps, int warmupSteps, int batch, double pixelWeight,
                        double featureWeight, double latentWeight, double priorWeight, double learningRate, double beta1, double beta2,
                        long seed, int logEvery, int sampleEvery, int checkpointEvery) {
    public FitConfig {
        if (steps < 1) {
            throw new UserError("--steps " + steps + ": must be at least 1");
        }
        if (warmupSteps < 0) {
            throw new UserError("--warmup-steps " + warmupSteps + ": must be at least 0");
        }
        if (batch < 1 || batch > 4096) {
            throw new UserError("--batch " + batch + ": must be between 1 and 4096");
        }
        checkWeight("--pixel-weight", pixelWeight);
        checkWeight("--feature-weight", featureWeight);
        checkWeight("--latent-weight", latentWeight);
        checkWeight("--prior-weight", priorWeight);
        if (data != null && pixelWeight + featureWeight == 0) {
            throw new UserError("--pixel-weight and --feature-weight are both 0: a fit to real images needs one of them"
                    + " (a gan run may instead fit from generated pairs alone: --pairs-only)");
        }
        MethodOptions.checkAdam(learningRate, beta1, beta2);
        if (logEvery < 1 || sampleEvery < 1 || checkpointEvery < 1) {
            throw new UserError("--log-every, --sample-every and --checkpoint-every must be at least 1");
        }
    }

    private static void checkWeight(String flag, double w) {
        if (!(w >= 0) || Double.isInfinite(w)) {
            throw new UserError(flag + " " + w + ": must be a finite number >= 0");
        }
    }

    /** Whether the fit learns from real images (else from generated pairs alone). */
    public boolean realImages() {
        return data != null;
    }

    /** The same fit continued to a different total step count. */
    public FitConfig withSteps(int newSteps) {
        return new FitConfig(generatorStep, data, newSteps, warmupSteps, batch, pixelWeight, featureWeight, latentWeight,
                priorWeight, learningRate, beta1, beta2, seed, logEvery, sampleEvery, checkpointEvery);
    }
}
