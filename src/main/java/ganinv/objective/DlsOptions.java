package ganinv.objective;

import ganinv.UserError;

/**
 * DLSGAN's settings beyond the shared ones.
 *
 * @param r1 weight γ' of the R1 term γ'/2·||∇ₓD(x)||² on real images (the paper's λ_r1 = 10)
 * @param lrDecay factor applied to the learning rate once per epoch of the data
 * @param scaleTracker "ring" (the paper) or "ema" (see {@link LatentScale})
 * @param encoderLossOn "dg" (L_enc in D's and G's losses) or "d" (in D's only)
 * @param dynamicScale false for the paper's "No DLS" baseline: s ≡ 1
 */
public record DlsOptions(double r1, double lrDecay, String scaleTracker, String encoderLossOn, boolean dynamicScale) {
    public static final DlsOptions PAPER = new DlsOptions(10, 0.98, "ring", "dg", true);

    public DlsOptions {
        if (!(r1 >= 0) || Double.isInfinite(r1)) {
            throw new UserError("--r1 " + r1 + ": must be a finite number >= 0");
        }
        if (!(lrDecay > 0 && lrDecay <= 1)) {
            throw new UserError("--lr-decay " + lrDecay + ": must be in (0, 1]; 1 keeps the learning rate fixed");
        }
        LatentScale.parseTracker(scaleTracker);
        if (!encoderLossOn.equals("dg") && !encoderLossOn.equals("d")) {
            throw new UserError("--encoder-loss-on " + encoderLossOn + ": choose dg (D and G, the default) or d (D only)");
        }
    }

    /** Whether G's loss carries λ_enc·L_enc too (the paper's "DG"). */
    public boolean encoderLossOnGenerator() {
        return encoderLossOn.equals("dg");
    }
}
