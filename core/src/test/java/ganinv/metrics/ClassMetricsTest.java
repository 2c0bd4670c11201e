package ganinv.metrics;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The class figures against hand-worked cases. */
class ClassMetricsTest {
    @Test
    void aGeneratorThatDrawsOneClassCoversOneClass() {
        long[] generated = ClassMetrics.histogram(new int[] {2, 2, 2, 2, 2, 2, 2, 2, 2, 2}, 3);
        assertThat(generated).containsExactly(0, 0, 10);
        assertThat(ClassMetrics.classesCovered(generated)).isEqualTo(1);
    }

    @Test
    void aClassIsCoveredFromOnePercentOfTheSamplesOn() {
        assertThat(ClassMetrics.classesCovered(new long[] {98, 1, 1, 0})).isEqualTo(3);     // 1 of 100 = 1%: covered
        assertThat(ClassMetrics.classesCovered(new long[] {199, 1, 0, 0})).isEqualTo(1);    // 1 of 200 = 0.5%: not
        assertThat(ClassMetrics.classesCovered(new long[] {0, 0, 0})).isZero();
    }

    @Test
    void klOfTheClassHistogramIsWorkedByHand() {
        // p = (1, 0, 0); q = Laplace-smoothed real shares ((5+1)/13, (5+1)/13, (0+1)/13): KL = 1·ln(1/(6/13)).
        assertThat(ClassMetrics.classKl(new long[] {10, 0, 0}, new long[] {5, 5, 0})).isCloseTo(Math.log(13.0 / 6), within(1e-12));
        // p = (0.5, 0.5); q = (51/102, 51/102): 0.
        assertThat(ClassMetrics.classKl(new long[] {3, 3}, new long[] {50, 50})).isCloseTo(0, within(1e-12));
        // p = (0.75, 0.25), q = ((2+1)/6, (2+1)/6) = (0.5, 0.5): 0.75 ln 1.5 + 0.25 ln 0.5.
        assertThat(ClassMetrics.classKl(new long[] {3, 1}, new long[] {2, 2}))
                .isCloseTo(0.75 * Math.log(1.5) + 0.25 * Math.log(0.5), within(1e-12));
    }

    @Test
    void anIdentityReconstructionKeepsEveryClass() {
        int[] decided = {0, 1, 2, 2, 1, 0, 4};
        assertThat(ClassMetrics.kept(decided, decided.clone())).isEqualTo(1.0);
        assertThat(ClassMetrics.kept(decided, new int[] {0, 1, 2, 2, 1, 0, 3})).isCloseTo(6.0 / 7, within(1e-12));
    }

    @Test
    void accuracyLeavesUnlabelledRowsOut() {
        assertThat(ClassMetrics.accuracy(new int[] {0, 1, 1, 2}, new int[] {0, -1, 2, 2})).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(ClassMetrics.accuracy(new int[] {0}, new int[] {-1})).isNaN();
    }

    @Test
    void theFiguresOfEvaluateComeFromTheDecisions() {
        Evaluation.ClassPart part = new Evaluation.ClassPart(3, new long[] {0, 0, 8}, new int[] {0, 1, 2, 2},
                new int[] {0, 1, 2, 0}, new int[] {0, 1, 2, 1});
        Map<String, Object> figures = Evaluation.classFigures(part);
        assertThat(figures).containsEntry("classes_covered", 1).containsEntry("class_kept_encoder", 0.75)
                .containsEntry("classifier_accuracy", 0.75);
        // real decisions (1, 1, 2) of 4 smoothed over 3 classes: q_2 = 3/7.
        assertThat((double) figures.get("class_kl")).isCloseTo(Math.log(7.0 / 3), within(1e-12));
        assertThat(figures.keySet()).containsExactly("classifier_accuracy", "classes_covered", "class_kl", "class_kept_encoder");
    }
}
