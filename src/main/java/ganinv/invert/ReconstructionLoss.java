package ganinv.invert;

import ganinv.model.Scalar;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;
import ganinv.UserError;
import ganinv.model.Network;

import java.util.ArrayList;
import java.util.List;

/**
 * The distance between a generated image and its target, per image: [N, C, R, R] x2 -> [N].
 * <ul>
 *   <li>{@code l2}: mean squared pixel difference (pixels in [-1, 1]);</li>
 *   <li>{@code l1}: mean absolute pixel difference;</li>
 *   <li>{@code l2+features}: l2 plus the mean squared difference of the discriminator trunk's
 *       activations after each of its stages, averaged over stages: a perceptual-style distance
 *       that needs no external weights.</li>
 * </ul>
 */
public final class ReconstructionLoss {
    private final String kind;
    private final Network features;
    private final int stages;
    private final List<NDArray> targetFeatures = new ArrayList<>();

    /**
     * @param features a network whose weights start with the dcgan-up trunk's convolutions (D, E,
     *                 or the joint D's image path); used only by l2+features
     * @param stages the trunk's down-sampling stages, k
     */
    ReconstructionLoss(String kind, Network features, int stages) {
        this.kind = check(kind);
        this.features = features;
        this.stages = stages;
    }

    static String check(String kind) {
        if (!List.of("l2", "l1", "l2+features").contains(kind)) {
            throw new UserError("--loss " + kind + ": choose l2, l1 or l2+features");
        }
        return kind;
    }

    /** Fixes the target x [N, C, R, R]; its features are computed once here. */
    void target(NDArray x) {
        targetFeatures.clear();
        if (kind.equals("l2+features")) {
            targetFeatures.addAll(trace(x));
        }
    }

    /** Per-image distance of {@code generated} to the target: [N]. */
    NDArray of(NDArray generated, NDArray x) {
        if (kind.equals("l1")) {
            return perImageMean(generated.sub(x).abs());
        }
        NDArray l2 = perImageMean(generated.sub(x).square());
        if (kind.equals("l2")) {
            return l2;
        }
        List<NDArray> mine = trace(generated);
        NDArray sum = l2;
        for (int i = 0; i < mine.size(); i++) {
            sum = sum.add(Scalar.div(perImageMean(mine.get(i).sub(targetFeatures.get(i)).square()), mine.size()));
        }
        return sum;
    }

    /** [N, ...] -> [N]; the engine's mean takes one axis at a time. */
    private static NDArray perImageMean(NDArray a) {
        return a.reshape(a.getShape().get(0), -1).mean(new int[] {1});
    }

    /** Activations after each stage of the trunk: k arrays [N, W, R/2^i, R/2^i]. */
    private List<NDArray> trace(NDArray x) {
        List<NDArray> w = new ArrayList<>(features.weights().values());
        Shape one = new Shape(1, 1);
        NDArray h = Activation.leakyRelu(Conv2d.conv2d(x, w.get(0), w.get(1), one, one).singletonOrThrow(), 0.2f);
        List<NDArray> out = new ArrayList<>(stages);
        for (int i = 1; i <= stages; i++) {
            h = Activation.leakyRelu(Conv2d.conv2d(h, w.get(2 * i), w.get(2 * i + 1), one, one).singletonOrThrow(), 0.2f);
            h = Pool.avgPool2d(h, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false, true);
            out.add(h);
        }
        return out;
    }
}
