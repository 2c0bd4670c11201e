package ganinv.metrics;

import ai.djl.ndarray.NDManager;
import ganinv.UserError;
import ganinv.data.ShapesDataset;
import ganinv.model.NoGrad;
import ganinv.train.ClassifierTraining;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The yardstick's classifier: it learns the shapes, survives a save and a reload, and scores what evaluate needs. */
class ClassifierTest {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @TempDir
    static Path tmp;

    private static NDManager manager;
    private static NoGrad noGrad;
    private static Path file;
    private static ClassifierTraining.Result trained;
    /** Held-out shapes of another seed: never seen in training. */
    private static final ShapesDataset HELD_OUT = new ShapesDataset(99, 300, 16, 3);

    @BeforeAll
    static void train() {
        noGrad = new NoGrad();
        manager = NDManager.newBaseManager();
        ShapesDataset shapes = new ShapesDataset(5, 4000, 16, 3);
        ClassifierConfig cfg = new ClassifierConfig(3, 16, ShapesDataset.CLASSES, shapes.describe(), 0, 0, Double.NaN,
                600, 64, 0.002, 3);
        file = tmp.resolve("shapes.cls");
        trained = ClassifierTraining.run(cfg, shapes, file, manager, QUIET);
    }

    @AfterAll
    static void close() {
        manager.close();
        noGrad.close();
    }

    private static List<byte[]> heldOut(int shape) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < HELD_OUT.size(); i++) {
            if (shape < 0 || HELD_OUT.label(i) == shape) {
                out.add(HELD_OUT.pixels(i));
            }
        }
        return out;
    }

    @Test
    void itLearnsTheShapesAndSaysHowWell() {
        assertThat(trained.config().heldOutImages()).isEqualTo(400);
        assertThat(trained.config().trainImages()).isEqualTo(3600);
        assertThat(trained.config().heldOutAccuracy()).isGreaterThan(0.9);
        try (Classifier c = Classifier.load(file, manager)) {
            int[] labels = new int[(int) HELD_OUT.size()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = HELD_OUT.label(i);
            }
            assertThat(ClassMetrics.accuracy(c.classify(heldOut(-1), 3, 16), labels)).isGreaterThan(0.9);
        }
    }

    @Test
    void aReloadGivesTheSameFeaturesAndDecisions() {
        try (Classifier a = Classifier.load(file, manager); Classifier b = Classifier.load(file, manager)) {
            Classifier.Scores x = a.score(heldOut(-1), 3, 16);
            Classifier.Scores y = b.score(heldOut(-1), 3, 16);
            assertThat(y.features()).containsExactly(x.features());
            assertThat(y.classes()).containsExactly(x.classes());
            assertThat(a.config()).isEqualTo(trained.config());
            assertThat(a.dim()).isEqualTo(128);
            assertThat(a.name()).isEqualTo("classifier-shapes.cls");
        }
    }

    @Test
    void oneClassDrawnCoversOneClassAndAnIdentityReconstructionKeepsEveryClass() {
        try (Classifier c = Classifier.load(file, manager)) {
            List<byte[]> all = heldOut(-1);
            int[] real = c.classify(all, 3, 16);
            // A generator that draws squares only, as the yardstick sees them: the held-out images it calls squares.
            List<byte[]> squares = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                if (real[i] == 1) {
                    squares.add(all.get(i));
                }
            }
            assertThat(squares).hasSizeGreaterThan(50);
            long[] generated = ClassMetrics.histogram(c.classify(squares, 3, 16), 3);
            var figures = Evaluation.classFigures(new Evaluation.ClassPart(3, generated, real, c.classify(all, 3, 16), null));
            assertThat(figures.get("classes_covered")).isEqualTo(1);
            assertThat(figures.get("class_kept_encoder")).isEqualTo(1.0);
            assertThat((double) figures.get("class_kl")).isGreaterThan(0.8);   // ln 3 ≈ 1.10 for a third of the real set
            long[] everything = ClassMetrics.histogram(real, 3);
            assertThat(ClassMetrics.classesCovered(everything)).isEqualTo(3);
            assertThat(ClassMetrics.classKl(everything, everything)).isLessThan(0.01);
        }
    }

    @Test
    void imagesOfAnotherSizeAndChannelCountAreConverted() {
        ShapesDataset big = new ShapesDataset(99, 300, 32, 1);
        List<byte[]> gray32 = new ArrayList<>();
        for (int i = 0; i < big.size(); i++) {
            gray32.add(big.pixels(i));
        }
        try (Classifier c = Classifier.load(file, manager)) {
            Classifier.Scores s = c.score(gray32, 1, 32);
            assertThat(s.classes()).hasSize(300);
            assertThat(s.features()).hasSize(300 * 128);
        }
    }

    @Test
    void aFileThatIsNotAClassifierIsRefusedInOneLine() throws Exception {
        Path junk = tmp.resolve("junk.cls");
        Files.writeString(junk, "not a classifier");
        assertThatThrownBy(() -> Classifier.load(junk, manager)).isInstanceOf(UserError.class)
                .hasMessageContaining(junk.toString()).hasMessageNotContaining("\n");
        assertThatThrownBy(() -> Classifier.load(tmp.resolve("missing.cls"), manager)).isInstanceOf(UserError.class)
                .hasMessageContaining("train-classifier");
    }
}
