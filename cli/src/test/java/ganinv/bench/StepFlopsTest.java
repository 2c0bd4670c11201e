package ganinv.bench;

import ganinv.api.types.Method;
import ganinv.api.types.Architecture;
import ganinv.model.NetConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The analytic FLOP counts against sums worked by hand for a tiny network. */
class StepFlopsTest {
    /** R = 8 (one stage), C = 1, W = 2, d = 3. */
    private static final NetConfig TINY = new NetConfig(8, 1, 2, 3);

    @Test
    void layerCountsAreTwoFlopsPerMultiplyAdd() {
        // G: Linear 3 -> 32: 2·3·32 = 192; Conv 2->2 at 8x8: 2·9·2·2·64 = 4608; Conv 2->1 at 8x8: 2·9·2·1·64 = 2304.
        assertThat(StepFlops.generator(TINY)).containsExactly(192, 4608, 2304);
        // D: Conv 1->2 at 8x8: 2304; Conv 2->2 at 8x8: 4608; Linear 32 -> 4: 2·32·4 = 256.
        assertThat(StepFlops.discriminator(TINY, 4)).containsExactly(2304, 4608, 256);
        // The default network: one 64->64 conv at 32x32 is 2·9·64·64·1024 = 75,497,472.
        assertThat(StepFlops.discriminator(new NetConfig(32, 3, 64, 64), 65)[1]).isEqualTo(75_497_472L);
    }

    /** stylegan2 at R = 8, C = 1, W = 2 (w(8) = 2, w(4) = 4), d = 3, one mapping layer. */
    @Test
    void styleLayersWorkedByHand() {
        NetConfig c = new NetConfig(8, 1, 2, 3, Architecture.STYLEGAN2, 1, 4);
        // mapping 2·3·3; a ModConv is affine 2·d·in + conv 2·k²·in·out·r² + demodulation 2·in·out:
        // 4x4 conv 24 + 4608 + 32; toRGB 24 + 128 + 8; 8x8 up 24 + 9216 + 16, conv 12 + 4608 + 8, toRGB 12 + 256 + 4.
        assertThat(StepFlops.generator(c)).containsExactly(18, 4664, 160, 9256, 4628, 272);
        // fromRGB 2·1·2·64; conv0 2·9·2·2·64; conv1 2·9·2·4·64; skip 1x1 at 4x4 2·2·4·16; conv4 2·9·4·4·16;
        // fc 2·16·4·4; head 2·4·4.
        assertThat(StepFlops.discriminator(c, 4)).containsExactly(256, 4608, 9216, 256, 4608, 512, 32);
    }

    @Test
    void dlsganStepWorkedByHand() {
        long g = 192 + 4608 + 2304;                       // 7104: one forward of G
        long d = 2304 + 4608 + 256;                       // 7168: one forward of D (1 + d = 4 outputs)
        long r1 = 3 * (2304 + 4608 + 2 * 32);             // R1's graph: the convs' transposes + the logit's row, then its backward
        long dStep = g + 2 * (3 * d - 2304) + r1;         // G without gradients; D on real and fake: no input gradient at the first layer
        long gStep = (3 * g - 192) + 2 * d;               // G trained; D frozen: forward and input gradients only
        assertThat(StepFlops.of(Method.DLSGAN, TINY, 5)).isEqualTo(5.0 * (dStep + gStep));
    }

    /*
     * The other methods, counted from their layer lists (not from StepFlops' helpers) for TINY:
     *   G   Linear 3->32 (192), Conv 2->2 @8 (4608), Conv 2->1 @8 (2304)              = 7104
     *   D   Conv 1->2 @8 (2304), Conv 2->2 @8 (4608), Linear 32->1 (64)                = 6976
     *   E   Conv 1->2 @8 (2304), Conv 2->2 @8 (4608), Linear 32->3 (192)               = 7104
     *   joint D: trunk 2304 + 4608; z path Linear 3->8 (48), 8->8 (128);
     *            head Linear 40->8 (640), 8->1 (16)                                     = 7744
     * A trained layer costs forward + weight gradient + input gradient (3x its forward), less the
     * input gradient where its input needs none; a frozen one forward + input gradient only.
     */

    @Test
    void plainGanStepWorkedByHand() {
        long dStep = 7104                                   // G's images, no graph
                + 2 * (3 * 6976 - 2304);                    // D on real and on fake: 2 x 18,624
        long gStep = (3 * 7104 - 192)                       // G trained; z needs no gradient: 21,120
                + 2 * 6976;                                 // D frozen: 13,952
        assertThat(dStep + gStep).isEqualTo(79_424);
        assertThat(StepFlops.of(Method.GAN, TINY, 3)).isEqualTo(3.0 * 79_424);
    }

    @Test
    void latentRegressionStepWorkedByHand() {
        long dStep = 7104 + 2 * (3 * 6976 - 2304);          // as the plain GAN: 44,352
        long gAndE = (3 * 7104 - 192) + 2 * 6976            // G trained, D frozen: 35,072
                + 3 * 7104;                                 // E trained on G(z), its input gradient reaching G: 21,312
        assertThat(dStep + gAndE).isEqualTo(100_736);
        assertThat(StepFlops.of(Method.LATENT_REGRESSION, TINY, 2)).isEqualTo(2.0 * 100_736);
    }

    @Test
    void biganStepWorkedByHand() {
        long dStep = 7104 + 7104                            // G(z) and E(x), no graph
                + 2 * (3 * 7744 - 2304 - 48);               // joint D on both pairs; no input gradient to x or z: 2 x 20,880
        long gPair = (3 * 7104 - 192)                       // G trained: 21,120
                + 7744 + (2304 + 4608) + (640 + 16);        // joint D frozen, input gradient toward the image: 15,312
        long ePair = (3 * 7104 - 2304)                      // E trained on real images: 19,008
                + 7744 + (48 + 128) + (640 + 16);           // joint D frozen, input gradient toward the code: 8,576
        long diagnostic = 7104;                             // latent_mse: E(G(z)) once more
        assertThat(dStep + gPair + ePair + diagnostic).isEqualTo(127_088);
        assertThat(StepFlops.of(Method.BIGAN, TINY, 1)).isEqualTo(127_088.0);
    }

    @Test
    void everyMethodHasACount() {
        NetConfig c = new NetConfig(32, 3, 64, 64);
        for (Method m : Method.values()) {
            assertThat(StepFlops.of(m, c, 16)).as(m.toString()).isPositive();
        }
        // R1 and the latent head make a DLSGAN step dearer than a plain GAN's.
        assertThat(StepFlops.of(Method.DLSGAN, c, 16)).isGreaterThan(StepFlops.of(Method.GAN, c, 16));
    }
}
