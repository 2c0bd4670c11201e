package ganinv.metrics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValue;
import ai.djl.pytorch.jni.JniUtils;
import ganinv.UserError;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Features from a TorchScript network with the interface of NVIDIA's
 * {@code inception-2015-12-05.pt} (the one StyleGAN2-ADA and clean-fid use): forward(images,
 * return_features=True) with images uint8 [N, 3, H, W] in 0..255, any size (it resizes to 299
 * itself), giving [N, D] features (2048 for Inception's pool layer). Named after the file, so a
 * run with NVIDIA's file reports {@code "features": "inception-2015-12-05"}. Gray images are
 * replicated to three channels.
 */
public final class InceptionFeatures implements FeatureExtractor {
    private final NDManager manager;
    private final PtSymbolBlock module;
    private final String name;
    private int dim = -1;

    public InceptionFeatures(Path file, NDManager parent) {
        if (!Files.isRegularFile(file)) {
            throw new UserError("--inception " + file + ": no such file; give NVIDIA's inception-2015-12-05.pt");
        }
        this.manager = parent.newSubManager();
        try {
            this.module = JniUtils.loadModule((PtNDManager) manager, file, false, new String[0], new String[0], false);
            JniUtils.enableInferenceMode(module);
        } catch (RuntimeException e) {
            manager.close();
            throw new UserError("--inception " + file + ": not a TorchScript file that loads (" + e.getMessage() + ")", e);
        }
        this.name = file.getFileName().toString().replaceFirst("\\.pt$", "");
    }

    @Override
    public String name() {
        return name;
    }

    /** Known after the first call of {@link #of}. */
    @Override
    public int dim() {
        return dim;
    }

    @Override
    public float[] of(List<byte[]> images, int channels, int resolution) {
        int per = 3 * resolution * resolution;
        float[] out = null;
        for (int from = 0; from < images.size(); from += 32) {
            List<byte[]> chunk = images.subList(from, Math.min(images.size(), from + 32));
            ByteBuffer buf = ByteBuffer.allocateDirect(chunk.size() * per);
            for (byte[] image : chunk) {
                for (int c = 0; c < 3; c++) {
                    buf.put(image, channels == 1 ? 0 : c * resolution * resolution, resolution * resolution);
                }
            }
            buf.flip();
            try (NDManager scope = manager.newSubManager()) {
                NDArray x = scope.create(buf, new Shape(chunk.size(), 3, resolution, resolution), DataType.UINT8);
                IValue input = IValue.from((PtNDArray) x);
                IValue flag = IValue.from(true);
                IValue result = module.forward(input, flag);
                float[] features;
                try {
                    features = result.toTensor((PtNDManager) scope).toType(DataType.FLOAT32, false).toFloatArray();
                } finally {
                    input.close();
                    flag.close();
                    result.close();
                }
                int d = features.length / chunk.size();
                if (out == null) {
                    dim = d;
                    out = new float[images.size() * d];
                }
                System.arraycopy(features, 0, out, from * d, features.length);
            }
        }
        return out == null ? new float[0] : out;
    }

    @Override
    public void close() {
        module.close();
        manager.close();
    }
}
