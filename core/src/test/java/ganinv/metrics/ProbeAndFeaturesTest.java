package ganinv.metrics;

import ai.djl.ndarray.NDManager;
import ganinv.data.ShapesDataset;
import ganinv.random.Rng;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProbeAndFeaturesTest {
    @Test
    void theProbeSeparatesLinearlySeparableCodes() {
        // Three classes in d = 6, each offset along its own axis by 4 with unit noise elsewhere.
        int n = 600;
        int d = 6;
        float[] codes = new float[n * d];
        int[] labels = new int[n];
        boolean[] train = new boolean[n];
        Rng rng = new Rng(4);
        for (int i = 0; i < n; i++) {
            labels[i] = i % 3;
            train[i] = i < n / 2;
            for (int j = 0; j < d; j++) {
                codes[i * d + j] = (float) (0.3 * rng.nextGaussian() + (j == labels[i] ? 4 : 0));
            }
        }
        assertThat(LinearProbe.accuracy(codes, d, labels, 3, train)).isEqualTo(1.0);
        // Labels unrelated to the codes: near chance (1/3).
        int[] shuffled = new int[n];
        for (int i = 0; i < n; i++) {
            shuffled[i] = (int) (rng.nextDouble() * 3);
        }
        assertThat(LinearProbe.accuracy(codes, d, shuffled, 3, train)).isBetween(0.2, 0.47);
    }

    @Test
    void theFallbackFeaturesAreFixedAndTreatGrayAsReplicatedRgb() {
        ShapesDataset rgb = new ShapesDataset(1, 4, 16, 3);
        List<byte[]> images = new ArrayList<>();
        List<byte[]> grayAsRgb = new ArrayList<>();
        List<byte[]> gray = new ArrayList<>();
        ShapesDataset g = new ShapesDataset(1, 4, 16, 1);
        for (int i = 0; i < 4; i++) {
            images.add(rgb.pixels(i));
            byte[] one = g.pixels(i);
            gray.add(one);
            byte[] three = new byte[3 * one.length];
            for (int c = 0; c < 3; c++) {
                System.arraycopy(one, 0, three, c * one.length, one.length);
            }
            grayAsRgb.add(three);
        }
        try (NDManager m = NDManager.newBaseManager(); RandomConvFeatures a = new RandomConvFeatures(m);
             RandomConvFeatures b = new RandomConvFeatures(m)) {
            float[] fa = a.of(images, 3, 16);
            assertThat(fa).hasSize(4 * RandomConvFeatures.DIM).containsExactly(b.of(images, 3, 16));
            assertThat(a.of(gray, 1, 16)).containsExactly(a.of(grayAsRgb, 3, 16));
        }
    }
}
