package ganinv.objective;

import ganinv.api.types.Updates;
import ganinv.api.types.EncoderLossOn;
import ganinv.api.types.ScaleTracker;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import ganinv.UserError;

/**
 * DLSGAN's settings beyond the shared ones.
 *
 * @param r1Weight λ_r1 of the R1 term λ_r1·‖∇ₓD(x)‖² on real images, as in the paper (section 4.1:
 *     λ_r1 = 10, "γ is 20"; the authors' code: {@code reg_weight * reduce_sum(grad²)})
 * @param lrDecay factor applied to the learning rate once per epoch of the data
 * @param scaleTracker how the variance behind s is tracked (see {@link LatentScale})
 * @param encoderLossOn DG (L_enc in D's and G's losses) or D (in D's only)
 * @param dynamicScale false for the paper's "No DLS" baseline: s ≡ 1
 * @param updates ALTERNATING (a D step, then a G step with a fresh z through the updated D) or
 *     SIMULTANEOUS (Algorithm 1: L_d and L_g from one z and the same D, both networks updated after)
 * @param augment whether D's adversarial output sees {@link Augment}ed reals and fakes (its latent
 *     head, and so L_enc, always sees the images un-augmented)
 * @param minibatchStd images per group of the minibatch standard deviation that D's adversarial
 *     output sees ({@link ganinv.model.MinibatchStdHead}); 0: none, as the paper's D
 */
public record DlsOptions(double r1Weight, double lrDecay, ScaleTracker scaleTracker, EncoderLossOn encoderLossOn, boolean dynamicScale,
                         Updates updates, boolean augment, int minibatchStd) {
    /** The paper's settings (section 4.1, Algorithm 1). */
    public static final DlsOptions PAPER = new DlsOptions(10, 0.98, ScaleTracker.RING, EncoderLossOn.DG, true, Updates.SIMULTANEOUS, false);

    public DlsOptions {
        if (!(r1Weight >= 0) || Double.isInfinite(r1Weight)) {
            throw new UserError("--r1-weight " + r1Weight + ": must be a finite number >= 0");
        }
        if (!(lrDecay > 0 && lrDecay <= 1)) {
            throw new UserError("--lr-decay " + lrDecay + ": must be in (0, 1]; 1 keeps the learning rate fixed");
        }
        if (scaleTracker == null || encoderLossOn == null || updates == null) {
            throw new UserError("config.json: dlsgan settings without scaleTracker, encoderLossOn or updates; train the run again");
        }
        if (minibatchStd < 0 || minibatchStd > 64) {
            throw new UserError("--minibatch-std " + minibatchStd + ": must be between 0 (none) and 64 images per group");
        }
    }

    /** D as the paper's: no minibatch standard deviation. */
    public DlsOptions(double r1Weight, double lrDecay, ScaleTracker scaleTracker, EncoderLossOn encoderLossOn, boolean dynamicScale,
                      Updates updates, boolean augment) {
        this(r1Weight, lrDecay, scaleTracker, encoderLossOn, dynamicScale, updates, augment, 0);
    }

    /** Without augmentation. */
    public DlsOptions(double r1Weight, double lrDecay, ScaleTracker scaleTracker, EncoderLossOn encoderLossOn, boolean dynamicScale,
                      Updates updates) {
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
                               @JsonProperty("lrDecay") double lrDecay, @JsonProperty("scaleTracker") ScaleTracker scaleTracker,
                               @JsonProperty("encoderLossOn") EncoderLossOn encoderLossOn,
                               @JsonProperty("dynamicScale") boolean dynamicScale,
                               @JsonProperty("updates") Updates updates, @JsonProperty("augment") boolean augment,
                               @JsonProperty("minibatchStd") int minibatchStd) {
        if (r1Weight == null && legacyGamma == null) {
            throw new IllegalArgumentException("dlsgan settings without r1Weight");
        }
        return new DlsOptions(r1Weight != null ? r1Weight : legacyGamma / 2, lrDecay, scaleTracker, encoderLossOn,
                dynamicScale, updates != null ? updates : Updates.ALTERNATING, augment, minibatchStd);
    }

    /** The same settings, with or without {@link Augment}. */
    public DlsOptions withAugment(boolean on) {
        return new DlsOptions(r1Weight, lrDecay, scaleTracker, encoderLossOn, dynamicScale, updates, on, minibatchStd);
    }

    /** Whether D and G are updated together from one z, as Algorithm 1. */
    public boolean simultaneous() {
        return updates == Updates.SIMULTANEOUS;
    }

    /** Whether G's loss carries λ_enc·L_enc too (the paper's "DG"). */
    public boolean encoderLossOnGenerator() {
        return encoderLossOn == EncoderLossOn.DG;
    }
}
