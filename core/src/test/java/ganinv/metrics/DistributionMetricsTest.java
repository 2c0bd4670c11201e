package ganinv.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** FID and KID against scipy/numpy fixtures (scripts/make-fid-fixtures.py) and hand-worked cases. */
class DistributionMetricsTest {
    @ParameterizedTest
    @ValueSource(strings = {"gauss-16", "relu-32"})
    void frechetDistanceAndKidMatchTheScipyOracle(String name) throws Exception {
        JsonNode fixture;
        try (InputStream in = getClass().getResourceAsStream("/oracle/fid-" + name + ".json")) {
            fixture = new ObjectMapper().readTree(in);
        }
        int d = fixture.get("a").get(0).size();
        float[] a = rows(fixture.get("a"), d);
        float[] b = rows(fixture.get("b"), d);
        double fid = Fid.distance(FeatureStats.of(a, d), FeatureStats.of(b, d));
        double expected = fixture.get("fid").asDouble();
        assertThat(Math.abs(fid - expected) / expected).as("FID %.10f against scipy %.10f", fid, expected).isLessThan(1e-6);
        double kid = Kid.distance(a, b, d);
        assertThat(Math.abs(kid - fixture.get("kid").asDouble()) / fixture.get("kid").asDouble()).isLessThan(1e-9);
    }

    @Test
    void identicalStatisticsAreAtDistanceZero() {
        float[] a = {1, 2, 0.5f, -1, 3, 0, 2, 2, -0.5f, 1, 0, 4};
        FeatureStats s = FeatureStats.of(a, 3);
        assertThat(Fid.distance(s, s)).isCloseTo(0, within(1e-9));
        // Shifting every vector by (1, 0, 0) adds exactly ||shift||² = 1.
        float[] shifted = a.clone();
        for (int i = 0; i < shifted.length; i += 3) {
            shifted[i] += 1;
        }
        assertThat(Fid.distance(s, FeatureStats.of(shifted, 3))).isCloseTo(1, within(1e-9));
    }

    @Test
    void kidByHand() {
        // d = 1, X = {0, 1}, Y = {1, 2}; k(x, y) = (xy + 1)³.
        // k(0,1) = 1; k(1,2) = 27; XY: k(0,1)=1, k(0,2)=1, k(1,1)=8, k(1,2)=27, mean 37/4.
        // MMD² = 2·1/2 + 2·27/2 − 2·37/4 = 1 + 27 − 18.5 = 9.5.
        assertThat(Kid.distance(new float[] {0, 1}, new float[] {1, 2}, 1)).isCloseTo(9.5, within(1e-12));
    }

    private static float[] rows(JsonNode matrix, int d) {
        float[] out = new float[matrix.size() * d];
        for (int i = 0; i < matrix.size(); i++) {
            for (int j = 0; j < d; j++) {
                out[i * d + j] = (float) matrix.get(i).get(j).asDouble();
            }
        }
        return out;
    }
}
