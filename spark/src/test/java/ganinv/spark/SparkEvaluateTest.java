package ganinv.spark;

import ganinv.api.types.Method;
import ganinv.api.Evaluation;
import ganinv.api.GanRun;
import ganinv.api.Training;
import ganinv.api.YardstickClassifier;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** spark evaluate against the single-machine evaluate on the same labelled folder and seed. */
class SparkEvaluateTest {
    @TempDir
    static Path tmp;

    static SparkSession spark;
    static Path run;
    static Path images;

    @BeforeAll
    static void setUp() throws Exception {
        run = tmp.resolve("run");
        Training.builder(run).method(Method.DLSGAN).resolution(16).width(8).latentDim(8).batch(4).steps(20).logEvery(10).run();
        images = tmp.resolve("images");
        java.util.Random random = new java.util.Random(11);
        for (int i = 0; i < 30; i++) {
            String cls = i % 3 == 0 ? "discs" : "boxes";
            Files.createDirectories(images.resolve(cls));
            BufferedImage im = new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = im.createGraphics();
            g.setColor(new Color(random.nextInt(0xffffff)));
            if (cls.equals("discs")) {
                g.fillOval(2 + random.nextInt(4), 2 + random.nextInt(4), 12, 12);
            } else {
                g.fillRect(2 + random.nextInt(4), 2 + random.nextInt(4), 12, 12);
            }
            g.dispose();
            ImageIO.write(im, "png", images.resolve(cls).resolve(String.format("i%02d.png", i)).toFile());
        }
        Files.write(images.resolve("boxes/broken.png"), new byte[] {1, 2, 3});
        spark = SparkSession.builder().master("local[2,4]").appName("ganinv-eval-test").config("spark.ui.enabled", "false")
                .getOrCreate();
    }

    @AfterAll
    static void tearDown() {
        spark.stop();
    }

    @Test
    void theSparkJsonEqualsEvaluatesOnTheSameImagesAndSeed() throws Exception {
        Evaluation single;
        try (GanRun g = GanRun.open(run)) {
            single = g.evaluate(images.toString(), 1000, 1_000_003L);        // --count above the folder: every image, in path order
        }
        Evaluation spread = SparkEvaluate.run(spark, run, images.toString(), 1_000_003L, 3);
        assertThat(spread.count()).isEqualTo(30);
        assertThat(single.json()).containsKeys("probe_accuracy", "latent_entropy", "psnr_real");
        double worst = 0;
        for (Map.Entry<String, Object> e : single.json().entrySet()) {
            if (e.getValue() instanceof Number want) {
                assertThat(spread.json()).containsKey(e.getKey());
                double got = ((Number) spread.json().get(e.getKey())).doubleValue();
                worst = Math.max(worst, Math.abs(got - want.doubleValue()) / Math.max(1e-12, Math.abs(want.doubleValue())));
                assertThat(got).as(e.getKey()).isCloseTo(want.doubleValue(),
                        org.assertj.core.data.Offset.offset(1e-4 * Math.max(1e-3, Math.abs(want.doubleValue()))));
            }
        }
        System.out.printf("spark evaluate vs evaluate: largest relative difference %.2e (fid %s vs %s)%n", worst,
                spread.json().get("fid"), single.json().get("fid"));
        assertThat(spread.json().keySet()).containsExactlyElementsOf(withoutBothEncoders(single));
        assertThat((String) spread.json().get("data")).contains("30 images, 2 classes, 1 unreadable skipped");
    }

    @Test
    void withAClassifierTheClassFiguresEqualEvaluatesToo() throws Exception {
        Path cls = tmp.resolve("boxes-and-discs.cls");
        YardstickClassifier.Trained trained = YardstickClassifier.train(images.toString(), cls, 3, 16, -1, 60, 5, null);
        assertThat(trained.classes()).containsExactly("boxes", "discs");
        Evaluation single;
        try (GanRun g = GanRun.open(run)) {
            single = g.evaluate(images.toString(), new ganinv.api.EvaluationSettings(1000, 1_000_003L, null, cls, 0));
        }
        Evaluation spread = SparkEvaluate.run(spark, run, images.toString(), 1_000_003L, 3, cls);
        assertThat(single.json()).containsKeys("classes_covered", "class_kl", "class_kept_encoder", "classifier_accuracy");
        assertThat(single.features()).isEqualTo("classifier-boxes-and-discs.cls");
        assertThat(spread.json().keySet()).containsExactlyElementsOf(withoutBothEncoders(single));
        for (Map.Entry<String, Object> e : single.json().entrySet()) {
            if (e.getValue() instanceof Number want) {
                double got = ((Number) spread.json().get(e.getKey())).doubleValue();
                assertThat(got).as(e.getKey()).isCloseTo(want.doubleValue(),
                        org.assertj.core.data.Offset.offset(1e-4 * Math.max(1e-3, Math.abs(want.doubleValue()))));
            } else if (e.getKey().startsWith("classifier") || e.getKey().equals("features")) {
                assertThat(spread.json().get(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
            }
        }
        assertThat(spread.classesCovered()).isEqualTo(single.classesCovered()).isBetween(0, 2);
        assertThat(spread.classKeptEncoder()).isEqualTo(single.classKeptEncoder());
    }

    /**
     * Every action recomputes the blocks (no cache) and every task's first attempt dies after
     * measuring its partition: the unreadable count and the figures are still those of one pass.
     */
    @Test
    void countsStayExactWhenBlocksAreRecomputedAndTasksRetried() throws Exception {
        Evaluation once = SparkEvaluate.run(spark, run, images.toString(), 1_000_003L, 3);
        Evaluation again = SparkEvaluate.run(spark, new SparkEvaluate.Request(run, images.toString(), 1_000_003L, 3, null, 50_000_000L, null), false,
                inner -> (index, rows) -> {
                    java.util.Iterator<SparkEvaluate.Block> out = inner.call(index, rows);
                    java.util.List<SparkEvaluate.Block> all = new java.util.ArrayList<>();
                    out.forEachRemaining(all::add);                  // measured, unreadable files counted
                    if (org.apache.spark.TaskContext.get().attemptNumber() == 0) {
                        throw new IllegalStateException("injected failure of attempt 0");
                    }
                    return all.iterator();
                });
        assertThat((String) again.json().get("data")).contains("30 images, 2 classes, 1 unreadable skipped");
        assertThat(again.count()).isEqualTo(30);
        assertThat(again.fid()).isCloseTo(once.fid(), org.assertj.core.data.Offset.offset(1e-6 * once.fid()));
        assertThat(again.psnrReal()).isCloseTo(once.psnrReal(), org.assertj.core.data.Offset.offset(1e-9));
    }

    /** evaluate's keys but "encoders" (both encoders side by side), which spark evaluate does not compute. */
    private static java.util.List<String> withoutBothEncoders(Evaluation single) {
        return single.json().keySet().stream().filter(k -> !k.equals("encoders")).toList();
    }
}
