package ganinv.metrics;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ProbeSplitAndNearestNeighbourTest {
    @Test
    void chanceIsTheShareOfTheMostFrequentScoredClass() {
        // rows:    0  1  2  3  4  5  6  7  8  9  10
        // train:   0     0     0     0     1     0
        // scored:     0     1     2     1     1
        int[] labels = {0, 0, 0, 1, 0, 2, 0, 1, 1, 1, 0};
        ProbeSplit split = ProbeSplit.evenOdd(labels);
        assertThat(split.trainSize()).isEqualTo(6);
        assertThat(split.testSize()).isEqualTo(5);
        assertThat(split.chance()).isEqualTo(3.0 / 5);             // class 1 is 3 of the 5 scored rows
        assertThat(split.classes()).isEqualTo(2);                  // the training rows hold classes 0 and 1 only
        assertThat(split.train()).containsExactly(true, false, true, false, true, false, true, false, true, false, true);
    }

    @Test
    void theNearestNeighbourIsByCosineNotEuclideanDistance() {
        // Reference a = (1, 0) of class 0 and b = (10, 10) of class 1. The query (3, 2.5) is nearer a
        // by Euclidean distance (3.2 against 10.3) but nearer b by angle (cosine 0.996 against 0.768).
        float[] codes = {1, 0, 3, 2.5f, 10, 10, 0.1f, -5};
        int[] labels = {0, 1, 1, 0};
        boolean[] reference = {true, false, true, false};
        // Row 3, (0.1, -5): cosine to a 0.02, to b -0.69: class 0, right.
        assertThat(NearestNeighbourProbe.accuracy(codes, 2, labels, reference)).isEqualTo(1.0);
        int[] wrongForRow3 = {0, 1, 1, 1};
        assertThat(NearestNeighbourProbe.accuracy(codes, 2, wrongForRow3, reference)).isEqualTo(0.5);
        // Scaling any code changes no cosine, so no answer.
        float[] scaled = {7, 0, 0.3f, 0.25f, 1, 1, 100, -5000};
        assertThat(NearestNeighbourProbe.accuracy(scaled, 2, labels, reference)).isEqualTo(1.0);
    }

    @Test
    void tiesGoToTheLowestReferenceRowAndAZeroCodeIsNearNothing() {
        // Two identical references at the query's angle: the first (class 5) wins.
        float[] codes = {1, 1, 2, 2, 1, 1, 0, 0, -1, 0};
        int[] labels = {5, 5, 6, 5, 7};
        boolean[] reference = {true, false, true, false, true};
        // Row 1 (2, 2) -> row 0 (class 5): right. Row 3 (0, 0) has cosine 0 to all: the first reference, row 0, class 5: right.
        assertThat(NearestNeighbourProbe.accuracy(codes, 2, labels, reference)).isEqualTo(1.0);
    }

    @Test
    void evaluationLeavesUnlabelledRowsOutOfTheProbesAndReportsTheirSplit() {
        // Eight codes in d = 2: class 0 along x, class 1 along y; two rows without a label (-1) between them.
        float[] codes = {1, 0.1f, 9, 9, 0.1f, 1, 2, 0.2f, -9, -9, 0.2f, 2, 3, 0.1f, 0.1f, 3};
        int[] labels = {0, -1, 1, 0, -1, 1, 0, 1};
        Map<String, Object> probes = Evaluation.probes(codes, 2, labels, 2);
        assertThat(probes).containsOnlyKeys("probe_accuracy", "probe_1nn_accuracy", "probe_chance", "probe_classes",
                "probe_train_size", "probe_test_size");
        // Kept rows: labels 0, 1, 0, 1, 0, 1 -> train 0, 0, 0 (rows 0, 2, 4) and scored 1, 1, 1.
        assertThat(probes.get("probe_train_size")).isEqualTo(3);
        assertThat(probes.get("probe_test_size")).isEqualTo(3);
        assertThat(probes.get("probe_classes")).isEqualTo(1);
        assertThat((double) probes.get("probe_chance")).isCloseTo(1.0, within(1e-12));
        assertThat((double) probes.get("probe_1nn_accuracy")).isEqualTo(0.0);   // only class 0 to answer with
    }
}
