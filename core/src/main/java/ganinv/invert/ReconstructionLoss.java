package ganinv.invert;

import ganinv.api.types.InvertLoss;
import ganinv.model.Scalar;
import ai.djl.ndarray.NDArray;
import ganinv.model.Network;

import java.util.ArrayList;
import java.util.List;

/**
 * The distance between a generated image and its target, per image: [N, C, R, R] x2 -> [N].
 * <ul>
 *   <li>{@code l2}: mean squared pixel difference (pixels in [-1, 1]);</li>
 *   <li>{@code l1}: mean absolute pixel difference;</li>
 *   <li>{@code l2+features}: l2 plus the mean squared difference of the discriminator trunk's
 *       activations after each of its down-sampling stages (dcgan-up: after each pool; stylegan2:
 *       after each residual block, gains included), averaged over stages: a perceptual-style
 *       distance that needs no external weights.</li>
 * </ul>
 */
public final class ReconstructionLoss {
    private final InvertLoss kind;
    private final Network features;
    private final List<NDArray> targetFeatures = new ArrayList<>();

    /**
     * @param features D, E or BiGAN's joint D, of either family: its image trunk's stages give the
     *                 features; used only by l2+features
     */
    ReconstructionLoss(InvertLoss kind, Network features) {
        this.kind = kind;
        this.features = features;
    }

    /** Fixes the target x [N, C, R, R]; its features are computed once here. */
    void target(NDArray x) {
        targetFeatures.clear();
        if (kind == InvertLoss.L2_FEATURES) {
            targetFeatures.addAll(trace(x));
        }
    }

    /** Per-image distance of {@code generated} to the target: [N]. */
    NDArray of(NDArray generated, NDArray x) {
        if (kind == InvertLoss.L1) {
            return perImageMean(generated.sub(x).abs());
        }
        NDArray l2 = perImageMean(generated.sub(x).square());
        if (kind == InvertLoss.L2) {
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

    /** Activations after each stage of D's own trunk: k arrays [N, W_i, R/2^i, R/2^i]. */
    private List<NDArray> trace(NDArray x) {
        return features.stageActivations(x);
    }
}
