package ganinv.model;

import ganinv.api.types.LatentDistribution;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ganinv.UserError;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NetworksTest {
    @Test
    void parameterCountsMatchThePyTorchReference() {
        // shared/bench/torch_dlsgan_step.py prints these for R=32, C=3, W=64, d=64.
        NetConfig c = new NetConfig(32, 3, 64, 64);
        try (NDManager m = NDManager.newBaseManager()) {
            assertThat(Generator.create("G", c, m).parameterCount()).isEqualTo(179_075);
            assertThat(Discriminator.create("D", c, 1 + 64, m).parameterCount()).isEqualTo(179_201);
        }
    }

    @Test
    void channelsLastKeepsEveryValueAndNearestUpsamplingRepeatsPixels() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.arange(2 * 3 * 4 * 5f).reshape(2, 3, 4, 5);
            NDArray cl = Layers.channelsLast(x);
            assertThat(cl.getShape()).isEqualTo(x.getShape());
            assertThat(cl.toFloatArray()).containsExactly(x.toFloatArray());
            assertThat(cl.reshape(2, -1).toFloatArray()).containsExactly(x.reshape(2, -1).toFloatArray());
            NDArray up = Layers.nearestUp2(cl);                                  // [2, 3, 8, 10]
            assertThat(up.getShape()).isEqualTo(new Shape(2, 3, 8, 10));
            assertThat(up.toFloatArray()).containsExactly(x.repeat(2, 2).repeat(3, 2).toFloatArray());
        }
    }

    @Test
    void aFrozenNetworkPassesGradientsOnButTakesNone() {
        NetConfig c = new NetConfig(8, 1, 4, 3);
        try (NDManager m = NDManager.newBaseManager()) {
            Network d = Discriminator.create("D", c, 1, m);
            NDArray x = m.randomUniform(-1, 1, new Shape(2, 1, 8, 8));
            x.setRequiresGradient(true);
            try (Network.Frozen f = d.freeze();
                 ai.djl.training.GradientCollector gc = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
                gc.backward(d.forward(x).sum());
            }
            float[] throughFrozen = x.getGradient().toFloatArray();
            assertThat(x.getGradient().abs().sum().getFloat()).isPositive();
            for (NDArray w : d.weights().values()) {
                assertThat(w.getGradient().abs().sum().getFloat()).isZero();
                assertThat(w.hasGradient()).isTrue();                          // trainable again after close
            }
            x.getGradient().subi(x.getGradient());
            try (ai.djl.training.GradientCollector gc = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
                gc.backward(d.forward(x).sum());
            }
            assertThat(d.weights().values().iterator().next().getGradient().abs().sum().getFloat()).isPositive();
            // What G receives is the same whether D is frozen or trained: freezing drops only D's own gradients.
            float[] throughTrained = x.getGradient().toFloatArray();
            for (int i = 0; i < throughFrozen.length; i++) {
                assertThat(throughFrozen[i]).isCloseTo(throughTrained[i], org.assertj.core.api.Assertions.within(1e-6f));
            }
        }
    }

    /**
     * The engine's convolution backward is racy with 2+ threads on a non-channels-last input; a
     * 1-channel input cannot be channels-last, so Conv pads it to 3 zero channels. Without the
     * padding, 142-295 of 300 repetitions differed (by up to 3.8) under load; with it, none.
     */
    @Test
    void aOneChannelConvolutionsGradientsRepeatBitwise() {
        NetConfig c = new NetConfig(8, 1, 4, 3);
        try (NDManager m = NDManager.newBaseManager()) {
            Network d = Discriminator.create("D", c, 1, m);
            NDArray x = m.randomUniform(-1, 1, new Shape(4, 1, 8, 8));
            float[] first = null;
            for (int i = 0; i < 200; i++) {
                NDArray xi = x.duplicate();
                xi.setRequiresGradient(true);
                try (ai.djl.training.GradientCollector gc = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
                    gc.backward(d.forward(xi).square().sum());
                }
                float[] g = xi.getGradient().toFloatArray();
                float[] w = d.weights().values().iterator().next().getGradient().toFloatArray();
                d.zeroGradients();
                float[] both = java.util.Arrays.copyOf(g, g.length + w.length);
                System.arraycopy(w, 0, both, g.length, w.length);
                if (first == null) {
                    first = both;
                }
                assertThat(both).as("repetition %d", i).containsExactly(first);
            }
        }
    }

    /**
     * The zero channels Conv adds to a 1-channel input change nothing: output, input gradient and
     * weight and bias gradients of L = Σy² equal a direct 3x3 "same" convolution written out in
     * double loops here, with the same weights.
     */
    @Test
    void theOneChannelPaddingChangesNoOutputAndNoGradient() {
        int n = 3;
        int f = 4;
        int r = 6;
        try (NDManager m = NDManager.newBaseManager()) {
            Network net = new Network("c", new LayerSequence().add("Conv2d", Conv.plain3x3(f)), m, new Shape(1, 1, r, r));
            NDArray x = m.randomUniform(-1, 1, new Shape(n, 1, r, r));
            x.setRequiresGradient(true);
            NDArray y;
            try (ai.djl.training.GradientCollector gc = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
                y = net.forward(x);                                               // [3, 4, 6, 6]
                gc.backward(y.mul(y).sum());
            }
            java.util.List<NDArray> params = new java.util.ArrayList<>(net.weights().values());   // weight [4, 1, 3, 3], bias [4]
            float[] xs = x.toFloatArray();
            float[] w = params.get(0).toFloatArray();
            float[] b = params.get(1).toFloatArray();
            double[] out = new double[n * f * r * r];
            for (int i = 0; i < n; i++) {
                for (int o = 0; o < f; o++) {
                    for (int py = 0; py < r; py++) {
                        for (int px = 0; px < r; px++) {
                            double sum = b[o];
                            for (int ky = 0; ky < 3; ky++) {
                                for (int kx = 0; kx < 3; kx++) {
                                    int sy = py + ky - 1;
                                    int sx = px + kx - 1;
                                    if (sy >= 0 && sy < r && sx >= 0 && sx < r) {
                                        sum += w[o * 9 + ky * 3 + kx] * xs[(i * r + sy) * r + sx];
                                    }
                                }
                            }
                            out[((i * f + o) * r + py) * r + px] = sum;
                        }
                    }
                }
            }
            double[] gx = new double[xs.length];
            double[] gw = new double[w.length];
            double[] gb = new double[f];
            for (int i = 0; i < n; i++) {
                for (int o = 0; o < f; o++) {
                    for (int py = 0; py < r; py++) {
                        for (int px = 0; px < r; px++) {
                            double g = 2 * out[((i * f + o) * r + py) * r + px];       // ∂Σy²/∂y
                            gb[o] += g;
                            for (int ky = 0; ky < 3; ky++) {
                                for (int kx = 0; kx < 3; kx++) {
                                    int sy = py + ky - 1;
                                    int sx = px + kx - 1;
                                    if (sy >= 0 && sy < r && sx >= 0 && sx < r) {
                                        gw[o * 9 + ky * 3 + kx] += g * xs[(i * r + sy) * r + sx];
                                        gx[(i * r + sy) * r + sx] += g * w[o * 9 + ky * 3 + kx];
                                    }
                                }
                            }
                        }
                    }
                }
            }
            assertClose(y.toFloatArray(), out, 1e-5);
            assertClose(x.getGradient().toFloatArray(), gx, 1e-4);
            assertClose(params.get(0).getGradient().toFloatArray(), gw, 1e-3);
            assertClose(params.get(1).getGradient().toFloatArray(), gb, 1e-3);
        }
    }

    private static void assertClose(float[] actual, double[] expected, double tolerance) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < actual.length; i++) {
            assertThat((double) actual[i]).as("element %d", i).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(tolerance));
        }
    }

    @Test
    void jointDiscriminatorHasTheDocumentedLayers() {
        // Trunk 112,576 + z path (64·256+256) + (256·256+256) + joint (1280·256+256) + (256+1).
        NetConfig c = new NetConfig(32, 3, 64, 64);
        try (NDManager m = NDManager.newBaseManager()) {
            Network d = JointDiscriminator.create("D", c, m);
            assertThat(d.parameterCount()).isEqualTo(112_576 + 16_640 + 65_792 + 327_936 + 257).isEqualTo(523_201);
            NDArray logit = d.forward(m.randomUniform(-1, 1, new Shape(5, 3, 32, 32)), m.randomNormal(new Shape(5, 64)));
            assertThat(logit.getShape()).isEqualTo(new Shape(5, 1));
        }
    }

    @Test
    void jointDiscriminatorRejectsMismatchedPairs() {
        NetConfig c = new NetConfig(16, 3, 8, 8);
        try (NDManager m = NDManager.newBaseManager()) {
            Network d = JointDiscriminator.create("D", c, m);
            NDArray x = m.zeros(new Shape(4, 3, 16, 16));
            // Batch sizes differ.
            assertThatThrownBy(() -> d.forward(x, m.zeros(new Shape(3, 8)))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("D(x, z) takes x [N, 3, 16, 16] and z [N, 8] with the same N")
                    .hasMessageContaining("(4, 3, 16, 16)").hasMessageContaining("(3, 8)");
            // Wrong latent size, wrong image size, a missing input.
            assertThatThrownBy(() -> d.forward(x, m.zeros(new Shape(4, 9)))).hasMessageContaining("z [N, 8]");
            assertThatThrownBy(() -> d.forward(m.zeros(new Shape(4, 3, 8, 8)), m.zeros(new Shape(4, 8))))
                    .hasMessageContaining("(4, 3, 8, 8)");
            assertThatThrownBy(() -> d.forward(x)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void shapesThroughEveryResolution() {
        for (int r : new int[] {8, 16, 64}) {
            NetConfig c = new NetConfig(r, 1, 8, 5);
            try (NDManager m = NDManager.newBaseManager()) {
                NDArray x = Generator.create("G", c, m).forward(m.randomNormal(new Shape(2, 5)));
                assertThat(x.getShape()).isEqualTo(new Shape(2, 1, r, r));
                assertThat(x.abs().max().getFloat()).isLessThanOrEqualTo(1f);
                NDArray z = Discriminator.encoder("E", c, m).forward(x);
                assertThat(z.getShape()).isEqualTo(new Shape(2, 5));
            }
        }
    }

    @Test
    void badSizesAreUserErrorsNamingTheFlag() {
        assertThatThrownBy(() -> new NetConfig(30, 3, 64, 64)).isInstanceOf(UserError.class).hasMessageStartingWith("--resolution 30");
        assertThatThrownBy(() -> new NetConfig(4, 3, 64, 64)).isInstanceOf(UserError.class).hasMessageStartingWith("--resolution 4");
        assertThatThrownBy(() -> new NetConfig(32, 2, 64, 64)).isInstanceOf(UserError.class).hasMessageStartingWith("--channels");
        assertThatThrownBy(() -> new NetConfig(32, 3, 64, 0)).isInstanceOf(UserError.class).hasMessageStartingWith("--latent-dim 0");
        assertThatThrownBy(() -> new NetConfig(32, 3, 0, 8)).isInstanceOf(UserError.class).hasMessageStartingWith("--width 0");
    }

    @Test
    void uniformPriorStaysInItsBoxWithUnitVariance() {
        float[] z = LatentDistribution.UNIFORM.sample(new java.util.SplittableRandom(1), 1000, 8);
        double sq = 0;
        for (float v : z) {
            assertThat(Math.abs(v)).isLessThanOrEqualTo((float) Math.sqrt(3));
            sq += v * v;
        }
        assertThat(sq / z.length).isBetween(0.93, 1.07);
    }
}
