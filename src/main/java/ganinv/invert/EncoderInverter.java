package ganinv.invert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ganinv.data.ImageTensor;
import ganinv.objective.GanMethod;

import java.util.ArrayList;
import java.util.List;

/** Inversion by one pass of the method's encoder: z = E(x), reconstruction G(z). */
public final class EncoderInverter implements Inverter {
    private final GanMethod method;
    private final NDManager manager;
    private final int batch;

    public EncoderInverter(GanMethod method, NDManager manager, int batch) {
        this.method = method;
        this.manager = manager;
        this.batch = batch;
    }

    @Override
    public Inversion invert(List<byte[]> images) {
        int d = method.net().latentDim();
        float[] codes = new float[images.size() * d];
        List<byte[]> reconstructions = new ArrayList<>(images.size());
        for (int from = 0; from < images.size(); from += batch) {
            List<byte[]> chunk = images.subList(from, Math.min(images.size(), from + batch));
            try (NDManager scope = manager.newSubManager()) {
                NDArray x = ImageTensor.batch(scope, chunk, method.net().channels(), method.net().resolution());
                NDArray z = method.encode(x);                                   // [n, d]
                System.arraycopy(z.toFloatArray(), 0, codes, from * d, chunk.size() * d);
                reconstructions.addAll(ImageTensor.images(method.generate(z))); // [n, C, R, R]
            }
        }
        return new Inversion(images.size(), d, codes, reconstructions);
    }

    @Override
    public String mode() {
        return "encoder";
    }
}
