package ganinv.train;

import ganinv.UserError;
import ganinv.objective.MethodOptions;

/**
 * Everything that determines fitting an encoder to a trained generator; saved as
 * {@code RUN/encoder/config.json} and in every encoder checkpoint.
 *
 * @param generatorStep the run's step whose G the encoder inverts; a G trained further makes it stale
 * @param steps total fitting steps (a resumed fit continues to this count)
 * @param batch generated images per step
 * @param pixelWeight weight w of the pixel term w·||G(E(x)) − x||²/(C·R·R); 0 turns it off
 * @param learningRate Adam's step size for E, with {@code beta1} and {@code beta2}
 * @param seed seed of E's initial weights and of the latents drawn
 */
public record FitConfig(long generatorStep, int steps, int batch, double pixelWeight, double learningRate,
                        double beta1, double beta2, long seed, int logEvery, int sampleEvery, int checkpointEvery) {
    public FitConfig {
        if (steps < 1) {
            throw new UserError("--steps " + steps + ": must be at least 1");
        }
        if (batch < 1 || batch > 4096) {
            throw new UserError("--batch " + batch + ": must be between 1 and 4096");
        }
        if (!(pixelWeight >= 0) || Double.isInfinite(pixelWeight)) {
            throw new UserError("--pixel-weight " + pixelWeight + ": must be a finite number >= 0");
        }
        MethodOptions.checkAdam(learningRate, beta1, beta2);
        if (logEvery < 1 || sampleEvery < 1 || checkpointEvery < 1) {
            throw new UserError("--log-every, --sample-every and --checkpoint-every must be at least 1");
        }
    }

    /** The same fit continued to a different total step count. */
    public FitConfig withSteps(int newSteps) {
        return new FitConfig(generatorStep, newSteps, batch, pixelWeight, learningRate, beta1, beta2, seed,
                logEvery, sampleEvery, checkpointEvery);
    }
}
