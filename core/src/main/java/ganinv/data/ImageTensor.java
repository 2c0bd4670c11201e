package ganinv.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.ArrayList;
import java.util.List;

/**
 * Conversions between 8-bit pixels [C, H, W] and the networks' tensors [N, C, H, W] in [-1, 1].
 * One place for the mapping so that training, inversion and metrics never disagree on it.
 */
public final class ImageTensor {
    private ImageTensor() {
    }

    /** 8-bit [C, H, W] to floats in [-1, 1], written into {@code out} at {@code offset}. */
    public static void toFloats(byte[] pixels, float[] out, int offset) {
        for (int i = 0; i < pixels.length; i++) {
            out[offset + i] = (pixels[i] & 0xff) / 127.5f - 1f;
        }
    }

    /** Floats in [-1, 1] to 8-bit, rounding to nearest and clipping out-of-range values. */
    public static byte[] toPixels(float[] values, int offset, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            float v = (values[offset + i] + 1f) * 127.5f;
            out[i] = (byte) Math.round(Math.max(0f, Math.min(255f, v)));
        }
        return out;
    }

    /** A batch [N, C, R, R] in {@code manager} from N images of 8-bit [C, R, R]. */
    public static NDArray batch(NDManager manager, List<byte[]> images, int channels, int resolution) {
        int per = channels * resolution * resolution;
        float[] data = new float[images.size() * per];
        for (int i = 0; i < images.size(); i++) {
            toFloats(images.get(i), data, i * per);
        }
        return manager.create(data, new Shape(images.size(), channels, resolution, resolution));
    }

    /** [N, C, H, W] in [-1, 1] to N images of 8-bit [C, H, W]. */
    public static List<byte[]> images(NDArray batch) {
        long[] s = batch.getShape().getShape();
        int per = (int) (s[1] * s[2] * s[3]);
        float[] data = batch.toFloatArray();
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < s[0]; i++) {
            out.add(toPixels(data, i * per, per));
        }
        return out;
    }
}
