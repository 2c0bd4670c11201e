package ganinv.data;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class SubsetTest {
    @Test
    void theSameSeedGivesTheSameImagesAsAnIndependentImplementation() {
        // From a separate Python transcription of SplitMix64 and the bounded draw (seed ^ salt,
        // (next >>> 1) % remaining): pins the sample, so no JDK or machine can change it.
        assertThat(Subset.RANDOM.indices(10, 5, 42)).containsExactly(5, 8, 7, 4, 0);
        assertThat(Subset.RANDOM.indices(1000, 8, 1_000_003)).containsExactly(80, 564, 100, 885, 520, 417, 998, 940);
        assertThat(Subset.RANDOM.indices(7, 7, 0)).containsExactly(1, 0, 2, 3, 4, 6, 5);
        assertThat(Subset.RANDOM.indices(1000, 50, 9)).isEqualTo(Subset.RANDOM.indices(1000, 50, 9))
                .isNotEqualTo(Subset.RANDOM.indices(1000, 50, 10));
    }

    @Test
    void aSampleHasNoRepeatsAndTheLazyOrderExtendsIt() {
        int[] all = Subset.RANDOM.indices(500, 500, 3);
        assertThat(Arrays.stream(all).sorted().toArray()).isEqualTo(java.util.stream.IntStream.range(0, 500).toArray());
        assertThat(Arrays.copyOf(all, 40)).isEqualTo(Subset.RANDOM.indices(500, 40, 3));
        assertThat(Subset.FIRST.indices(500, 4, 3)).containsExactly(0, 1, 2, 3);
        assertThat(Subset.RANDOM.indices(3, 10, 3)).hasSize(3);
    }

    @Test
    void everyIndexIsEquallyLikely() {
        // 4000 samples of 10 out of 50: each index is expected 800 times, binomial sd ~ 25.3.
        int[] hits = new int[50];
        for (long seed = 0; seed < 4000; seed++) {
            for (int i : Subset.RANDOM.indices(50, 10, seed)) {
                hits[i]++;
            }
        }
        double chi2 = 0;
        for (int h : hits) {
            assertThat(h).isBetween(800 - 5 * 26, 800 + 5 * 26);
            chi2 += (h - 800.0) * (h - 800.0) / 800.0;
        }
        // 49 degrees of freedom: the 0.999 quantile is 85.4.
        assertThat(chi2).isLessThan(85.4);
    }
}
