package ganinv.metrics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;
import ganinv.data.ImageTensor;
import ganinv.random.Rng;

import java.util.List;

/**
 * The fallback feature extractor for FID/KID when no Inception network is given: a fixed
 * convolutional network with seeded random weights — Conv3x3(3→64), LeakyReLU(0.2), AvgPool 2x2,
 * Conv3x3(64→128), LeakyReLU, AvgPool 2x2, Conv3x3(128→256), LeakyReLU, global average pool —
 * giving 256 features per image. Weights are He-normal from ganinv's own SplitMix64 generator
 * (seed 2015), biases zero, so they are identical on every machine and every engine version.
 * Gray images are replicated to three channels. Distances over these features are not FID and
 * must always be reported with {@link #NAME}.
 */
public final class RandomConvFeatures implements FeatureExtractor {
    public static final String NAME = "random-conv-256-seed2015";
    public static final int DIM = 256;
    private static final int[] WIDTHS = {3, 64, 128, 256};

    private final NDManager manager;
    private final NDArray[] weights = new NDArray[3];
    private final NDArray[] biases = new NDArray[3];

    public RandomConvFeatures(NDManager parent) {
        this.manager = parent.newSubManager();
        Rng rng = new Rng(2015);
        for (int l = 0; l < 3; l++) {
            int in = WIDTHS[l];
            int out = WIDTHS[l + 1];
            float[] w = new float[out * in * 9];
            double std = Math.sqrt(2.0 / (in * 9));
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) (rng.nextGaussian() * std);
            }
            weights[l] = manager.create(w, new Shape(out, in, 3, 3));
            biases[l] = manager.zeros(new Shape(out));
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int dim() {
        return DIM;
    }

    @Override
    public float[] of(List<byte[]> images, int channels, int resolution) {
        float[] out = new float[images.size() * DIM];
        for (int from = 0; from < images.size(); from += 64) {
            List<byte[]> chunk = images.subList(from, Math.min(images.size(), from + 64));
            try (NDManager scope = manager.newSubManager()) {
                NDArray h = ImageTensor.batch(scope, chunk, channels, resolution);           // [n, C, R, R]
                if (channels == 1) {
                    h = h.repeat(1, 3);
                }
                Shape one = new Shape(1, 1);
                for (int l = 0; l < 3; l++) {
                    h = Activation.leakyRelu(Conv2d.conv2d(h, weights[l], biases[l], one, one).singletonOrThrow(), 0.2f);
                    if (l < 2) {
                        h = Pool.avgPool2d(h, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false, true);
                    }
                }
                NDArray pooled = h.reshape(chunk.size(), DIM, -1).mean(new int[] {2});        // [n, 256]
                System.arraycopy(pooled.toFloatArray(), 0, out, from * DIM, chunk.size() * DIM);
            }
        }
        return out;
    }

    @Override
    public void close() {
        manager.close();
    }
}
