package ganinv.invert;

import ganinv.api.types.InvertLoss;
import ganinv.UserError;

/**
 * How to invert by optimisation.
 *
 * @param steps Adam steps on z per start
 * @param learningRate Adam's step size on z (β = (0.9, 0.999))
 * @param loss the reconstruction objective (see {@link ReconstructionLoss})
 * @param priorWeight weight W of W·||z||²/d, which keeps codes where the prior has mass
 * @param restarts starts per image; the one with the lowest final objective is kept
 * @param batch images optimised together
 * @param seed seed of the random starts
 */
public record OptimizeSettings(int steps, double learningRate, InvertLoss loss, double priorWeight, int restarts, int batch,
                               long seed) {
    public OptimizeSettings {
        if (steps < 1) {
            throw new UserError("--steps " + steps + ": must be at least 1");
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new UserError("--lr " + learningRate + ": must be a positive number");
        }
        java.util.Objects.requireNonNull(loss, "loss");
        if (!(priorWeight >= 0) || Double.isInfinite(priorWeight)) {
            throw new UserError("--prior-weight " + priorWeight + ": must be a finite number >= 0");
        }
        if (restarts < 1) {
            throw new UserError("--restarts " + restarts + ": must be at least 1");
        }
        if (batch < 1) {
            throw new UserError("--batch " + batch + ": must be at least 1");
        }
    }
}
