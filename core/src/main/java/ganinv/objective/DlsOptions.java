package ganinv.objective;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import ganinv.UserError;

/**
 * DLSGAN's settings beyond the shared ones.
 *
 * @param r1Weight λ_r1 of the R1 term λ_r1·‖∇ₓD(x)‖² on real images, as in the paper (section 4.1:
 *     λ_r1 = 10, "γ is 20"; the authors' code: {@code reg_weight * reduce_sum(grad²)})
 * @param lrDecay factor applied to the learning rate once per epoch of the data
 * @param scaleTracker "ring" (the paper) or "ema" (see {@link LatentScale})
 * @param encoderLossOn "dg" (L_enc in D's and G's losses) or "d" (in D's only)
 * @param dynamicScale false for the paper's "No DLS" baseline: s ≡ 1
 * @param updates "alternating" (a D step, then a G step with a fresh z through the updated D) or
 *     "simultaneous" (Algorithm 1: L_d and L_g from one z and the same D, both networks updated after)
 * @param augment whether D's adversarial output sees {@link Augment}ed reals and fakes (its latent
 *     head, and so L_enc, always sees the images un-augmented)
 * @param minibatchStd images per group of the minibatch standard deviation that D's adversarial
 *     output sees ({@link ganinv.model.MinibatchStdHead}); 0: none, as the paper's D
 */
public record DlsOptions(double r1Weight, double lrDecay, String scaleTracker, String encoderLossOn, boolean dynamicScale,
                         String updates, boolean augment, int minibatchStd) {
    /** The paper's settings (section 4.1, Algorithm 1). */
    public static final DlsOptions PAPER = new DlsOptions(10, 0.98, "ring", "dg", true, "simultaneous", false);

    public DlsOptions {
        if (!(r1Weight >= 0) || Double.isInfinite(r1Weight)) {
            throw new UserError("--r1-weight " + r1Weight + ": must be a finite number >= 0");
        }
        if (!(lrDecay > 0 && lrDecay <= 1)) {
            throw new UserError("--lr-decay " + lrDecay + ": must be in (0, 1]; 1 keeps the learning rate fixed");
        }
        LatentScale.parseTracker(scaleTracker);
        if (!encoderLossOn.equals("dg") && !encoderLossOn.equals("d")) {
            throw new UserError("--encoder-loss-on " + encoderLossOn + ": choose dg (D and G, the default) or d (D only)");
        }
        if (!"alternating".equals(updates) && !"simultaneous".equals(updates)) {
            throw new UserError("--updates " + updates + ": choose alternating or simultaneous (the paper's Algorithm 1)");
        }
        if (minibatchStd < 0 || minibatchStd > 64) {
            throw new UserError("--minibatch-std " + minibatchStd + ": must be between 0 (none) and 64 images per group");
        }
    }

    /** D as the paper's: no minibatch standard deviation. */
    public DlsOptions(double r1Weight, double lrDecay, String scaleTracker, String encoderLossOn, boolean dynamicScale,
                      String updates, boolean augment) {
        this(r1Weight, lrDecay, scaleTracker, encoderLossOn, dynamicScale, updates, augment, 0);
    }

    /** Without augmentation. */
    public DlsOptions(double r1Weight, double lrDecay, String scaleTracker, String encoderLossOn, boolean dynamicScale,
                      String updates) {
        this(r1Weight, lrDecay, scaleTracker, encoderLossOn, dynamicScale, updates, false);
    }

    /**
     * Reads a saved config. Runs made before {@code r1Weight} existed saved {@code "r1": γ} and
     * trained with γ/2·‖∇‖², so a resumed old run keeps exactly the strength it had; runs made
     * before {@code updates} existed alternated, and still do; runs made before {@code minibatchStd}
     * existed had none.
     */
    @JsonCreator
    static DlsOptions fromJson(@JsonProperty("r1Weight") Double r1Weight, @JsonProperty("r1") Double legacyGamma,
                               @JsonProperty("lrDecay") double lrDecay, @JsonProperty("scaleTracker") String scaleTracker,
                               @JsonProperty("encoderLossOn") String encoderLossOn,
                               @JsonProperty("dynamicScale") boolean dynamicScale,
                               @JsonProperty("updates") String updates, @JsonProperty("augment") boolean augment,
                               @JsonProperty("minibatchStd") int minibatchStd) {
        if (r1Weight == null && legacyGamma == null) {
            throw new IllegalArgumentException("dlsgan settings without r1Weight");
        }
        return new DlsOptions(r1Weight != null ? r1Weight : legacyGamma / 2, lrDecay, scaleTracker, encoderLossOn,
                dynamicScale, updates != null ? updates : "alternating", augment, minibatchStd);
    }

    /** The same settings, with or without {@link Augment}. */
    public DlsOptions withAugment(boolean on) {
        return new DlsOptions(r1Weight, lrDecay, scaleTracker, encoderLossOn, dynamicScale, updates, on, minibatchStd);
    }

    /** Whether D and G are updated together from one z, as Algorithm 1. */
    public boolean simultaneous() {
        return updates.equals("simultaneous");
    }

    /** Whether G's loss carries λ_enc·L_enc too (the paper's "DG"). */
    public boolean encoderLossOnGenerator() {
        return encoderLossOn.equals("dg");
    }
}
