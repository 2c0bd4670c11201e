package ganinv.objective;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ganinv.model.Layers;
import ganinv.model.Network;

import java.util.ArrayList;
import java.util.List;

/**
 * The R1 penalty (Mescheder et al. 2018) for the dcgan-up discriminator, exactly and without
 * double backprop, which leaks in the engine (DJL-NOTES.md): ∇ₓa for the logit a = D(x)[:, 0] is
 * built as an explicit forward graph of D's weights from each layer's input-gradient rule, and
 * its squared norm is back-propagated once like any other loss.
 * <ul>
 *   <li>linear y = xWᵀ + b: g_x = g_y·W (only row 0 of W, the logit's);</li>
 *   <li>flatten: reshape back to [N, W, 4, 4];</li>
 *   <li>avg-pool 2x2: g_x = nearest_up2(g_y)/4;</li>
 *   <li>leaky ReLU(0.2): g_x = g_y·(pre > 0 ? 1 : 0.2), the mask detached: its derivative is zero
 *       almost everywhere, as in double backprop;</li>
 *   <li>conv 3x3, stride 1, pad 1: g_x = conv2d(g_y, Wᵀ flipped, pad 1), with W [out, in, 3, 3]
 *       transposed to [in, out, 3, 3] and flipped in both spatial axes.</li>
 * </ul>
 * The forward pass is traced here too (the same operations as the block, so the same numbers) to
 * keep the masks; the trace's output serves as D(x) for the adversarial loss, so R1 costs no
 * second forward pass.
 */
public final class R1 {
    private static final float SLOPE = 0.2f;

    /**
     * D's output on x with what its input gradient needs.
     *
     * @param output [N, outputs]; column 0 is the adversarial logit
     * @param masks per convolution, [P, W, H, W] of 1 or 0.2, detached, for the P penalised rows
     * @param features [P, W, 4, 4]: the shape of the head's input for those rows
     */
    public record Traced(NDArray output, List<NDArray> masks, Shape features) {
    }

    private R1() {
    }

    /** D(x) for x [N, C, R, R], layer by layer: Conv, LeakyReLU, then k times Conv, LeakyReLU, AvgPool; Linear. */
    public static Traced forward(Network d, NDArray x) {
        return forward(d, x, x.getShape().get(0));
    }

    /**
     * D(x) for all N rows of x, keeping what R1 needs for the first {@code penalised} only: the D
     * step passes real and generated images as one batch [real; fake], whose larger convolutions run
     * faster than two half-size ones, and penalises the real rows.
     */
    public static Traced forward(Network d, NDArray x, long penalised) {
        List<NDArray> w = new ArrayList<>(d.weights().values());
        int convs = (w.size() - 2) / 2;
        Shape stride = new Shape(1, 1);
        Shape pad = new Shape(1, 1);
        boolean all = penalised == x.getShape().get(0);
        List<NDArray> masks = new ArrayList<>(convs);
        NDArray h = Layers.channelsLast(x);                                              // as the block's first layer
        for (int i = 0; i < convs; i++) {
            NDArray pre = Conv2d.conv2d(h, w.get(2 * i), w.get(2 * i + 1), stride, pad).singletonOrThrow();
            NDArray kept = (all ? pre : pre.get("0:" + penalised)).stopGradient();
            masks.add(kept.gt(0).toType(DataType.FLOAT32, false).mul(1 - SLOPE).add(SLOPE));
            h = Activation.leakyRelu(pre, SLOPE);
            if (i > 0) {
                h = Pool.avgPool2d(h, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false, true);
            }
        }
        Shape features = h.getShape();                                                   // [N, W, 4, 4]
        h = Layers.channelsLast(h);                                                      // as the block: see Discriminator
        NDArray out = Linear.linear(h.reshape(features.get(0), -1), w.get(2 * convs), w.get(2 * convs + 1))
                .singletonOrThrow();                                                     // [N, outputs]
        return new Traced(out, masks, new Shape(penalised).addAll(features.slice(1)));
    }

    /** ||∇ₓ D(x)[:, 0]||² per image, averaged over the batch: a scalar whose graph reaches every weight of D. */
    public static NDArray gradientNormSquared(Network d, Traced t) {
        List<NDArray> w = new ArrayList<>(d.weights().values());
        int convs = (w.size() - 2) / 2;
        Shape f = t.features();
        // Ops on a weight put their result in the weight's long-lived manager: attach each to the step's scope.
        NDManager scope = t.output().getManager();
        NDArray head = w.get(2 * convs).get("0:1");                                         // [1, W·16]
        head.attach(scope);
        NDArray g = head.broadcast(new Shape(f.get(0), head.getShape().get(1))).reshape(f);  // [N, W, 4, 4]
        g = Layers.channelsLast(g);
        Shape stride = new Shape(1, 1);
        Shape pad = new Shape(1, 1);
        for (int i = convs - 1; i >= 0; i--) {
            if (i > 0) {
                g = Layers.nearestUp2(g).div(4);
            }
            g = g.mul(t.masks().get(i));
            NDArray transposed = w.get(2 * i).transpose(1, 0, 2, 3);
            transposed.attach(scope);
            NDArray kernel = transposed.flip(2, 3);                                         // [in, out, 3, 3]
            NDArray noBias = scope.zeros(new Shape(kernel.getShape().get(0)));
            g = Conv2d.conv2d(g, kernel, noBias, stride, pad).singletonOrThrow();
        }
        return g.square().sum(new int[] {1, 2, 3}).mean();                                  // g: [N, C, R, R]
    }
}
