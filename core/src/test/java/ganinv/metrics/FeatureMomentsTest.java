package ganinv.metrics;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Statistics measured in parts (Spark partitions) combine to the whole set's. */
class FeatureMomentsTest {
    private static float[] features(int n, int d, long seed) {
        java.util.Random r = new java.util.Random(seed);
        float[] f = new float[n * d];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) (3 + r.nextGaussian() * (1 + i % d));        // a large mean: the case that cancels naively
        }
        return f;
    }

    @Test
    void mergedPartsGiveTheWholeSetsMeanAndCovariance() {
        int d = 5;
        float[] all = features(103, d, 1);
        FeatureStats whole = FeatureStats.of(all, d);
        FeatureMoments merged = FeatureMoments.of(new float[0], d);
        for (int[] cut : new int[][] {{0, 1}, {1, 40}, {40, 41}, {41, 103}}) {
            merged = merged.merge(FeatureMoments.of(Arrays.copyOfRange(all, cut[0] * d, cut[1] * d), d));
        }
        assertThat(merged.count()).isEqualTo(103);
        FeatureStats parts = merged.stats();
        for (int j = 0; j < d; j++) {
            assertThat(parts.mean()[j]).isCloseTo(whole.mean()[j], within(1e-12));
        }
        for (int k = 0; k < d * d; k++) {
            assertThat(parts.covariance()[k]).isCloseTo(whole.covariance()[k], within(1e-9 * (1 + Math.abs(whole.covariance()[k]))));
        }
    }

    @Test
    void kidFromBlockSumsEqualsKidOverTheWholeSets() {
        int d = 4;
        float[] a = features(30, d, 2);
        float[] b = features(25, d, 3);
        double whole = Kid.distance(a, b, d);
        float[] a1 = Arrays.copyOfRange(a, 0, 12 * d);
        float[] a2 = Arrays.copyOfRange(a, 12 * d, 30 * d);
        double xx = Kid.offDiagonalSum(a1, 12, d) + Kid.offDiagonalSum(a2, 18, d) + 2 * Kid.crossSum(a1, 12, a2, 18, d);
        double xy = Kid.crossSum(a1, 12, b, 25, d) + Kid.crossSum(a2, 18, b, 25, d);
        assertThat(Kid.fromSums(xx, 30, Kid.offDiagonalSum(b, 25, d), 25, xy)).isCloseTo(whole, within(1e-9 * Math.abs(whole)));
    }
}
