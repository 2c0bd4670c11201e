package ganinv.invert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ganinv.data.ImageTensor;
import ganinv.objective.GanMethod;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Codes to images through the method's generator, a batch at a time. */
public final class Decode {
    private Decode() {
    }

    /** @param codes N × d row-major, in the units {@link GanMethod#generate} takes; returns N 8-bit [C, R, R] images */
    public static List<byte[]> images(GanMethod method, NDManager manager, float[] codes, int batch) {
        int d = method.net().latentDim();
        int n = codes.length / d;
        List<byte[]> out = new ArrayList<>(n);
        for (int from = 0; from < n; from += batch) {
            int k = Math.min(batch, n - from);
            try (NDManager scope = manager.newSubManager()) {
                NDArray z = scope.create(Arrays.copyOfRange(codes, from * d, (from + k) * d), new Shape(k, d));
                out.addAll(ImageTensor.images(method.generate(z)));
            }
        }
        return out;
    }
}
