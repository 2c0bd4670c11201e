package ganinv.objective;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ganinv.model.GradLayer;
import ganinv.model.HostData;
import ganinv.model.Network;
import ganinv.model.Tape;

/**
 * The R1 penalty (Mescheder et al. 2018) exactly and without double backprop, which leaks in the
 * engine (DJL-NOTES.md): ∇ₓa for the logit a = D(x)[:, 0] is built as an explicit forward graph
 * of D's weights by walking D's own layer list backwards, each layer applying its input-gradient
 * rule ({@link GradLayer}), and its squared norm is back-propagated once like any other loss.
 * Any discriminator built from GradLayers (dcgan-up's, the residual one) is penalised the same way.
 *
 * <p>The traced forward pass keeps what the rules need (masks, effective weights); its output
 * serves as D(x) for the adversarial loss, so R1 costs no second forward pass.
 */
public final class R1 {
    /**
     * D's output on x with what its input gradient needs.
     *
     * @param output [N, outputs]; column 0 is the adversarial logit
     * @param tape the masks and weights of the P penalised rows, consumed by {@link #gradientNormSquared}
     */
    public record Traced(NDArray output, Tape tape) {
    }

    private R1() {
    }

    /** D(x) for x [N, C, R, R], every row penalised. */
    public static Traced forward(Network d, NDArray x) {
        return forward(d, x, x.getShape().get(0));
    }

    /**
     * D(x) for all N rows of x, keeping what R1 needs for the first {@code penalised} only: the D
     * step passes real and generated images as one batch [real; fake], whose larger convolutions run
     * faster than two half-size ones, and penalises the real rows.
     */
    public static Traced forward(Network d, NDArray x, long penalised) {
        Tape tape = Tape.keeping(penalised);
        return new Traced(d.trace(x, tape), tape);
    }

    /**
     * ||∇ₓ D(x)[:, 0]||² per image, averaged over the P penalised rows: a scalar whose graph reaches
     * every weight of D. Consumes the tape: call once per trace.
     */
    public static NDArray gradientNormSquared(Network d, Traced t) {
        NDManager scope = t.output().getManager();
        long p = t.tape().rows();
        long outputs = t.output().getShape().get(1);
        float[] logit = new float[(int) (p * outputs)];
        for (int i = 0; i < p; i++) {
            logit[(int) (i * outputs)] = 1f;                                          // ∂a/∂output: column 0
        }
        StepProbe.at(StepProbe.R1_START);
        NDArray g = d.inputGradient(HostData.copy(scope, logit, new Shape(p, outputs)), t.tape());   // [P, C, R, R]
        StepProbe.at(StepProbe.R1_BUILT);
        if (!t.tape().empty()) {
            throw new IllegalStateException("R1 walked " + d.name() + " and left entries on the tape");
        }
        return g.square().sum(new int[] {1, 2, 3}).mean();
    }
}
