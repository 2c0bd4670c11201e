package ganinv.objective;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/**
 * The non-saturating GAN losses (Goodfellow et al. 2014), written with softplus because
 * −log σ(a) = softplus(−a) is stable for large |a| where log(sigmoid) underflows.
 */
public final class GanLosses {
    private GanLosses() {
    }

    /** D: −log D(x) − log(1 − D(G(z))) = softplus(−a_real) + softplus(a_fake); logits [N] or [N, 1]. */
    public static NDArray discriminator(NDArray realLogits, NDArray fakeLogits) {
        return Activation.softPlus(realLogits.neg()).mean().add(Activation.softPlus(fakeLogits).mean());
    }

    /** G (non-saturating): −log D(G(z)) = softplus(−a_fake). */
    public static NDArray generator(NDArray fakeLogits) {
        return Activation.softPlus(fakeLogits.neg()).mean();
    }
}
