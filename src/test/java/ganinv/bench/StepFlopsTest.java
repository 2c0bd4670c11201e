package ganinv.bench;

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

    @Test
    void dlsganStepWorkedByHand() {
        long g = 192 + 4608 + 2304;                       // 7104: one forward of G
        long d = 2304 + 4608 + 256;                       // 7168: one forward of D (1 + d = 4 outputs)
        long r1 = 3 * (2304 + 4608 + 2 * 32);             // R1's graph: the convs' transposes + the logit's row, then its backward
        long dStep = g + 2 * (3 * d - 2304) + r1;         // G without gradients; D on real and fake: no input gradient at the first layer
        long gStep = (3 * g - 192) + 2 * d;               // G trained; D frozen: forward and input gradients only
        assertThat(StepFlops.of("dlsgan", TINY, 5)).isEqualTo(5.0 * (dStep + gStep));
    }

    @Test
    void everyMethodHasACount() {
        NetConfig c = new NetConfig(32, 3, 64, 64);
        for (String m : ganinv.objective.Methods.NAMES) {
            assertThat(StepFlops.of(m, c, 16)).as(m).isPositive();
        }
        // R1 and the latent head make a DLSGAN step dearer than a plain GAN's.
        assertThat(StepFlops.of("dlsgan", c, 16)).isGreaterThan(StepFlops.of("gan", c, 16));
    }
}
