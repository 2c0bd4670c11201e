package ganinv.model;

import ganinv.api.types.Architecture;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The stylegan2 family: StyleGenerator, ResidualDiscriminator and their layers. */
class StyleNetworksTest {
    private static final NetConfig STYLE_32 = new NetConfig(32, 3, 32, 64, Architecture.STYLEGAN2, 2, 256);

    @Test
    void parameterCountsMatchThePyTorchPeer() {
        // scripts/torch_style_peer.py --params prints these for the same config.
        try (NDManager m = NDManager.newBaseManager()) {
            assertThat(Generator.create("G", STYLE_32, m).parameterCount()).isEqualTo(1_276_524);
            assertThat(Discriminator.create("D", STYLE_32, 1 + 64, m).parameterCount()).isEqualTo(2_280_033);
        }
    }

    @Test
    void shapesThroughEveryResolution() {
        for (int r : new int[] {8, 16, 64}) {
            NetConfig c = new NetConfig(r, 1, 4, 5, Architecture.STYLEGAN2, 1, 16);
            try (NDManager m = NDManager.newBaseManager()) {
                NDArray x = Generator.create("G", c, m).forward(m.randomNormal(new Shape(2, 5)));
                assertThat(x.getShape()).isEqualTo(new Shape(2, 1, r, r));
                assertThat(Discriminator.create("D", c, 6, m).forward(x).getShape()).isEqualTo(new Shape(2, 6));
            }
        }
    }

    @Test
    void widthDoublesAtEachHalvingUpToTheCap() {
        assertThat(STYLE_32.widthAt(32)).isEqualTo(32);
        assertThat(STYLE_32.widthAt(16)).isEqualTo(64);
        assertThat(STYLE_32.widthAt(8)).isEqualTo(128);
        assertThat(STYLE_32.widthAt(4)).isEqualTo(256);
        assertThat(new NetConfig(32, 3, 32, 64, Architecture.STYLEGAN2, 2, 64).widthAt(4)).isEqualTo(64);
        assertThat(new NetConfig(32, 3, 32, 64).widthAt(4)).isEqualTo(32);
    }

    /** Equalized learning rate: N(0, 1) stored, 1/√fan_in applied, so unit-variance inputs give unit-variance outputs. */
    @Test
    void equalizedLayersKeepUnitVariance() {
        Engine.getInstance().setRandomSeed(3);
        try (NDManager m = NDManager.newBaseManager()) {
            Network conv = new Network("c", Conv.equalized(64, 1, false), m, new Shape(1, 256, 4, 4));
            NDArray stored = conv.weights().values().iterator().next();
            assertThat(stdOf(stored)).isCloseTo(1, within(0.02));
            assertThat(stdOf(conv.forward(m.randomNormal(new Shape(32, 256, 4, 4))))).isCloseTo(1, within(0.05));
            Network fc = new Network("f", Dense.equalized(256, 0.01f, 0f), m, new Shape(1, 512));
            assertThat(stdOf(fc.weights().values().iterator().next())).as("stored at 1/m").isCloseTo(100, within(2.0));
            assertThat(stdOf(fc.forward(m.randomNormal(new Shape(64, 512))))).isCloseTo(1, within(0.05));
        }
    }

    /** Demodulation: whatever the styles, unit-variance inputs give unit-variance pre-activations; then lrelu·√2. */
    @Test
    void demodulatedConvolutionHasUnitVarianceWhateverTheStyle() {
        Engine.getInstance().setRandomSeed(4);
        try (NDManager m = NDManager.newBaseManager()) {
            Network conv = new Network("m", ModConv.conv3x3(64, 64), m, new Shape(1, 64, 8, 8), new Shape(1, 16));
            for (float styleScale : new float[] {0.1f, 1f, 10f}) {
                NDArray x = m.randomNormal(new Shape(64, 64, 8, 8));
                NDArray y = conv.forward(x, m.randomNormal(new Shape(64, 16)).mul(styleScale));
                NDArray interior = y.get(":, :, 1:7, 1:7");                        // padding zeros lower the edges
                // E[(√2·lrelu_0.2(u))²] = 1 + 0.04 = 1.04 for u ~ N(0, 1).
                assertThat(interior.square().mean().getFloat()).as("style x" + styleScale).isCloseTo(1.04f, within(0.06f));
            }
        }
    }

    @Test
    void bilinearUpsamplingMatchesTorchInterpolate() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.arange(4f).reshape(1, 1, 2, 2);
            // torch.nn.functional.interpolate(x, scale_factor=2, mode="bilinear", align_corners=False)
            assertThat(StyleGenerator.bilinearUp2(x).toFloatArray()).containsExactly(
                    0f, 0.25f, 0.75f, 1f, 0.5f, 0.75f, 1.25f, 1.5f, 1.5f, 1.75f, 2.25f, 2.5f, 2f, 2.25f, 2.75f, 3f);
        }
    }

    /**
     * No normalisation of z: DLSGAN's scale s must reach G, so z and 2z are different codes (a
     * network that normalised z, as StyleGAN2's mapping does, would draw both alike).
     */
    @Test
    void theLatentsScaleReachesTheImage() {
        Engine.getInstance().setRandomSeed(5);
        for (int mapping : new int[] {0, 2}) {
            NetConfig c = new NetConfig(8, 3, 4, 6, Architecture.STYLEGAN2, mapping, 8);
            try (NDManager m = NDManager.newBaseManager()) {
                Network g = Generator.create("G", c, m);
                NDArray z = m.randomNormal(new Shape(4, 6));
                NDArray scaled = z.mul(2);
                float change = g.forward(z).sub(g.forward(scaled)).abs().max().getFloat();
                assertThat(change).as("mapping layers " + mapping).isGreaterThan(1e-3f);
            }
        }
    }

    @Test
    void dcganUpKeepsItsParameterNamesSoOldCheckpointsLoad() {
        try (NDManager m = NDManager.newBaseManager()) {
            assertThat(Discriminator.create("D", new NetConfig(8, 1, 4, 3), 4, m).weights().keySet()).containsExactly(
                    "02Conv2d_weight", "02Conv2d_bias", "04Conv2d_weight", "04Conv2d_bias", "09Linear_weight", "09Linear_bias");
        }
    }

    private static double stdOf(NDArray a) {
        float[] v = a.toFloatArray();
        double s = 0;
        double sq = 0;
        for (float f : v) {
            s += f;
            sq += (double) f * f;
        }
        double mean = s / v.length;
        return Math.sqrt(sq / v.length - mean * mean);
    }
}
