package ganinv.invert;

import ganinv.api.types.InvertMode;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ganinv.data.ImageTensor;
import ganinv.objective.GanMethod;

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
    public Inversion invert(List<byte[]> images, InversionProgress progress) {
        float[] codes = codes(images, progress);
        return new Inversion(images.size(), method.net().latentDim(), codes, Decode.images(method, manager, codes, batch));
    }

    /** The codes alone, N × d row-major: what {@code bench invert --mode encoder} times. */
    public float[] codes(List<byte[]> images) {
        return codes(images, InversionProgress.NONE);
    }

    private float[] codes(List<byte[]> images, InversionProgress progress) {
        int d = method.net().latentDim();
        float[] codes = new float[images.size() * d];
        for (int from = 0; from < images.size(); from += batch) {
            List<byte[]> chunk = images.subList(from, Math.min(images.size(), from + batch));
            try (NDManager scope = manager.newSubManager()) {
                NDArray x = ImageTensor.batch(scope, chunk, method.net().channels(), method.net().resolution());
                System.arraycopy(method.encode(x).toFloatArray(), 0, codes, from * d, chunk.size() * d);   // E(x): [n, d]
            }
            progress.update(from + chunk.size(), images.size());
        }
        return codes;
    }

    @Override
    public String mode() {
        return InvertMode.ENCODER.toString();
    }
}
