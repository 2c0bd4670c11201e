package ganinv.objective;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ganinv.model.HostData;

import java.util.random.RandomGenerator;

/**
 * Differentiable augmentation of D's inputs (Zhao et al. 2020, "DiffAugment": colour,
 * translation, cutout), so that D cannot memorise a small set of real images while G still gets
 * gradients through the augmented fakes. Every random draw comes from the step's {@code rng},
 * not from the engine, so a resumed run draws the same augmentations. [N, C, H, W] in, same out.
 * <ul>
 *   <li>colour: brightness + (u − 0.5); saturation: around the channel mean, ×2u; contrast:
 *   around the image mean, ×(u + 0.5); u ~ U[0, 1) per image and per operation;</li>
 *   <li>translation: a shift of up to H/8, W/8 pixels in each direction, zeros shifted in;</li>
 *   <li>cutout: one square of side H/2 set to 0 at a uniform position (clipped at the border).</li>
 * </ul>
 */
public final class Augment {
    private Augment() {
    }

    public static NDArray apply(NDArray x, RandomGenerator rng) {
        return cutout(translate(colour(x, rng), rng), rng);
    }

    static NDArray colour(NDArray x, RandomGenerator rng) {
        NDManager scope = x.getManager();
        long n = x.getShape().get(0);
        x = x.add(perImage(scope, n, rng, -0.5f, 1f));                                 // brightness
        NDArray channelMean = x.mean(new int[] {1}, true);                             // [N, 1, H, W]
        x = x.sub(channelMean).mul(perImage(scope, n, rng, 0f, 2f)).add(channelMean);   // saturation
        NDArray imageMean = x.reshape(n, -1).mean(new int[] {1}).reshape(n, 1, 1, 1);  // [N, 1, 1, 1]
        return x.sub(imageMean).mul(perImage(scope, n, rng, 0.5f, 1f)).add(imageMean);  // contrast
    }

    static NDArray translate(NDArray x, RandomGenerator rng) {
        Shape s = x.getShape();
        long n = s.get(0);
        long c = s.get(1);
        int h = (int) s.get(2);
        int w = (int) s.get(3);
        int py = Math.max(1, h / 8);
        int px = Math.max(1, w / 8);
        NDManager scope = x.getManager();
        NDArray padded = NDArrays.concat(new NDList(scope.zeros(new Shape(n, c, h, px)), x, scope.zeros(new Shape(n, c, h, px))), 3);
        padded = NDArrays.concat(new NDList(scope.zeros(new Shape(n, c, py, w + 2L * px)), padded,
                scope.zeros(new Shape(n, c, py, w + 2L * px))), 2);                    // [N, C, H + 2py, W + 2px]
        NDList shifted = new NDList();
        for (int i = 0; i < n; i++) {
            int top = rng.nextInt(2 * py + 1);
            int left = rng.nextInt(2 * px + 1);
            shifted.add(padded.get(i + ", :, " + top + ":" + (top + h) + ", " + left + ":" + (left + w)));
        }
        return NDArrays.stack(shifted);
    }

    static NDArray cutout(NDArray x, RandomGenerator rng) {
        Shape s = x.getShape();
        int n = (int) s.get(0);
        int h = (int) s.get(2);
        int w = (int) s.get(3);
        int sh = Math.max(1, h / 2);
        int sw = Math.max(1, w / 2);
        float[] mask = new float[n * h * w];
        java.util.Arrays.fill(mask, 1f);
        for (int i = 0; i < n; i++) {
            int cy = rng.nextInt(h + 1 - sh % 2) - sh / 2;                              // DiffAugment's offsets
            int cx = rng.nextInt(w + 1 - sw % 2) - sw / 2;
            for (int y = Math.max(0, cy); y < Math.min(h, cy + sh); y++) {
                for (int xx = Math.max(0, cx); xx < Math.min(w, cx + sw); xx++) {
                    mask[(i * h + y) * w + xx] = 0f;
                }
            }
        }
        return x.mul(HostData.copy(x.getManager(), mask, new Shape(n, 1, h, w)));
    }

    /** [N, 1, 1, 1]: offset + range·u per image, u ~ U[0, 1). */
    private static NDArray perImage(NDManager scope, long n, RandomGenerator rng, float offset, float range) {
        float[] v = new float[(int) n];
        for (int i = 0; i < n; i++) {
            v[i] = offset + range * rng.nextFloat();
        }
        return HostData.copy(scope, v, new Shape(n, 1, 1, 1));
    }
}
