package ganinv.objective;

import ganinv.UserError;

/**
 * The hyper-parameters a training method reads.
 *
 * @param lambda weight of the latent-regression term (DLSGAN: λ_enc, the weight of L_enc)
 * @param regressGenerator whether G also minimises the latent-regression term
 * @param learningRate Adam's step size, the same for every network
 * @param beta1 Adam's first-moment decay
 * @param beta2 Adam's second-moment decay
 * @param dls DLSGAN's own settings; null for every other method
 * @param gEma half-life in images of the EMA of G's weights that sampling and inversion use; 0: none
 */
public record MethodOptions(double lambda, boolean regressGenerator, double learningRate, double beta1, double beta2,
                            DlsOptions dls, double gEma) {
    public MethodOptions {
        if (!(gEma >= 0) || Double.isInfinite(gEma)) {
            throw new UserError("--g-ema " + gEma + ": must be a half-life in images >= 0 (0: no EMA)");
        }
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new UserError("--lambda " + lambda + ": must be a finite number >= 0");
        }
        checkAdam(learningRate, beta1, beta2);
    }

    /** Options without an EMA generator. */
    public MethodOptions(double lambda, boolean regressGenerator, double learningRate, double beta1, double beta2,
                         DlsOptions dls) {
        this(lambda, regressGenerator, learningRate, beta1, beta2, dls, 0);
    }

    /** The same options with G's EMA at half-life {@code images}. */
    public MethodOptions withGEma(double images) {
        return new MethodOptions(lambda, regressGenerator, learningRate, beta1, beta2, dls, images);
    }

    /** The same options with Adam's step size {@code lr}. */
    public MethodOptions withLearningRate(double lr) {
        return new MethodOptions(lambda, regressGenerator, lr, beta1, beta2, dls, gEma);
    }

    /** Options for a method without DLSGAN's settings. */
    public MethodOptions(double lambda, boolean regressGenerator, double learningRate, double beta1, double beta2) {
        this(lambda, regressGenerator, learningRate, beta1, beta2, null);
    }

    /** Validates Adam's settings as given by --lr, --beta1 and --beta2. */
    public static void checkAdam(double learningRate, double beta1, double beta2) {
        if (!(learningRate > 0) || learningRate > 1) {
            throw new UserError("--lr " + learningRate + ": must be in (0, 1]");
        }
        if (!(beta1 >= 0 && beta1 < 1)) {
            throw new UserError("--beta1 " + beta1 + ": must be in [0, 1)");
        }
        if (!(beta2 >= 0 && beta2 < 1)) {
            throw new UserError("--beta2 " + beta2 + ": must be in [0, 1)");
        }
    }
}
