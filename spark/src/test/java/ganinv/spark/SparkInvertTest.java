package ganinv.spark;

import ganinv.api.types.Method;
import ganinv.api.GanRun;
import ganinv.api.InvertSettings;
import ganinv.api.InvertedFolder;
import ganinv.api.Training;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** spark invert in local mode against the single-machine library on the same images. */
class SparkInvertTest {
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
        Files.createDirectories(images.resolve("sub"));
        java.util.Random random = new java.util.Random(5);
        for (int i = 0; i < 23; i++) {
            BufferedImage im = new BufferedImage(24 + i, 20 + 2 * i, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = im.createGraphics();
            g.setColor(new Color(random.nextInt(0xffffff)));
            g.fillOval(random.nextInt(10), random.nextInt(10), 12 + random.nextInt(10), 12 + random.nextInt(10));
            g.dispose();
            ImageIO.write(im, i % 3 == 0 ? "jpg" : "png", images.resolve((i % 2 == 0 ? "sub/" : "") + "im" + i + (i % 3 == 0 ? ".jpg" : ".png")).toFile());
        }
        Files.write(images.resolve("broken.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        Files.write(images.resolve("sub/empty.jpg"), new byte[0]);
        Files.writeString(images.resolve("notes.txt"), "not an image, not listed");
        spark = SparkSession.builder().master("local[2,2]").appName("ganinv-test").config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4").getOrCreate();
    }

    @AfterAll
    static void tearDown() {
        spark.stop();
    }

    private static SparkInvert.Options options(String out, boolean score, int partitions) {
        return options(run, out, score, partitions);
    }

    private static SparkInvert.Options options(Path run, String out, boolean score, int partitions) {
        InvertSpec spec = new InvertSpec("encoder", 200, 0.05, "l2", 0, 1, 4, 0, score, score, InvertSpec.DEFAULT_MAX_PIXELS);
        return new SparkInvert.Options(run, images.toString(), tmp.resolve(out).toString(), spec, partitions, false);
    }

    /** The single-machine codes by file name (the local folder reader skips the broken files). */
    private static Map<String, float[]> expected() {
        return expected(run);
    }

    private static Map<String, float[]> expected(Path run) {
        try (GanRun g = GanRun.open(run)) {
            InvertedFolder folder = g.invertFolder(images, InvertSettings.encoder(), null);
            Map<String, float[]> byName = new HashMap<>();
            for (int i = 0; i < folder.names().size(); i++) {
                byName.put(folder.names().get(i), folder.codes()[i]);
            }
            return byName;
        }
    }

    private static String relative(String uri) {
        String prefix = images.toUri().getPath();
        String path = java.net.URI.create(uri).getPath();
        return path.substring(path.indexOf(prefix) + prefix.length());
    }

    private static Map<String, Row> rows(String out) {
        Map<String, Row> byName = new HashMap<>();
        for (Row r : spark.read().parquet(tmp.resolve(out).toString()).collectAsList()) {
            assertThat(byName.put(relative(r.getString(r.fieldIndex("path"))), r)).as("duplicate row").isNull();
        }
        return byName;
    }

    @Test
    void latentsEqualTheLibrarysAndBrokenFilesBecomeErrorRows() throws Exception {
        SparkInvert.Summary s = SparkInvert.run(spark, options("out-a", true, 3));
        assertThat(s.images()).isEqualTo(23);
        assertThat(s.errors()).isEqualTo(2);
        Map<String, Row> rows = rows("out-a");
        Map<String, float[]> want = expected();
        assertThat(rows).hasSize(25);
        for (Map.Entry<String, float[]> e : want.entrySet()) {
            Row r = rows.get(e.getKey());
            assertThat(r.isNullAt(r.fieldIndex("error"))).as(e.getKey()).isTrue();
            List<Float> latent = r.getList(r.fieldIndex("latent"));
            for (int j = 0; j < 8; j++) {
                assertThat(latent.get(j)).isCloseTo(e.getValue()[j], within(1e-5f));
            }
            byte[] png = r.getAs("reconstruction");
            float[] code = new float[8];
            for (int j = 0; j < 8; j++) {
                code[j] = latent.get(j);
            }
            assertThat(r.getDouble(r.fieldIndex("psnr"))).as(e.getKey()).isCloseTo(libraryPsnr(e.getKey(), code), within(1e-4));
            assertThat(ImageIO.read(new java.io.ByteArrayInputStream(png)).getWidth()).isEqualTo(16);
        }
        assertThat(rows.get("broken.png").getString(rows.get("broken.png").fieldIndex("error"))).contains("broken.png: not a");
        assertThat(rows.get("sub/empty.jpg").getString(rows.get("sub/empty.jpg").fieldIndex("error"))).contains("empty file");
        assertThat(rows.get("broken.png").isNullAt(rows.get("broken.png").fieldIndex("latent"))).isTrue();

        assertThatThrownBy(() -> SparkInvert.run(spark, options("out-a", true, 3)))
                .hasMessageContaining("already exists");
    }

    /** The PSNR the library gives the same file and code: fitted image against the rendered code. */
    private static double libraryPsnr(String name, float[] code) throws Exception {
        try (GanRun g = GanRun.open(run)) {
            BufferedImage seen = g.fit(ImageIO.read(images.resolve(name).toFile()));
            return ganinv.api.Quality.psnr(seen, g.render(new float[][] {code}).get(0));
        }
    }

    @Test
    void aRunRetrainedInPlaceToTheSameStepIsLoadedAgain() throws Exception {
        Path again = tmp.resolve("retrained");
        Training.builder(again).method(Method.DLSGAN).resolution(16).width(8).latentDim(8).batch(4).steps(5).logEvery(5).seed(1).run();
        SparkInvert.Summary first = SparkInvert.run(spark, options(again, "retrained-1", false, 2));
        assertThat(first.modelLoadSeconds()).as("a run this JVM has not seen is loaded once").hasSize(1);
        Training.builder(again).method(Method.DLSGAN).resolution(16).width(8).latentDim(8).batch(4).steps(5).logEvery(5).seed(2)
                .force(true).run();
        SparkInvert.Summary second = SparkInvert.run(spark, options(again, "retrained-2", false, 2));
        assertThat(second.modelLoadSeconds()).as("same folder, same step, new weights: loaded again").hasSize(1);
        Map<String, Row> rows = rows("retrained-2");
        for (Map.Entry<String, float[]> e : expected(again).entrySet()) {
            List<Float> latent = rows.get(e.getKey()).getList(rows.get(e.getKey()).fieldIndex("latent"));
            assertThat(latent.get(0)).as(e.getKey()).isCloseTo(e.getValue()[0], within(1e-5f));
        }
    }

    @Test
    void aTaskThatFailsOnItsFirstAttemptStillWritesEveryRowOnce() throws Exception {
        SparkInvert.run(spark, options("out-retry", false, 4), FailFirstAttempt::new);
        Map<String, Row> rows = rows("out-retry");
        assertThat(rows).hasSize(25);
        Map<String, float[]> want = expected();
        for (Map.Entry<String, float[]> e : want.entrySet()) {
            List<Float> latent = rows.get(e.getKey()).getList(rows.get(e.getKey()).fieldIndex("latent"));
            assertThat(latent.get(0)).isCloseTo(e.getValue()[0], within(1e-5f));
        }
        SparkInvert.Summary again = SparkInvert.run(spark, new SparkInvert.Options(run, images.toString(), tmp.resolve("out-retry").toString(),
                options("x", false, 2).spec(), 2, true));
        assertThat(rows("out-retry")).hasSize(25);          // overwritten as a whole, not appended
        assertThat(again.modelLoadSeconds()).as("the executor JVM keeps the run it loaded").isEmpty();
    }

    /** Produces half its rows and then dies, on every task's first attempt. */
    static final class FailFirstAttempt implements MapPartitionsFunction<Row, Row> {
        private final MapPartitionsFunction<Row, Row> inner;

        FailFirstAttempt(MapPartitionsFunction<Row, Row> inner) {
            this.inner = inner;
        }

        @Override
        public java.util.Iterator<Row> call(java.util.Iterator<Row> input) throws Exception {
            java.util.Iterator<Row> out = inner.call(input);
            if (TaskContext.get().attemptNumber() > 0) {
                return out;
            }
            return new java.util.Iterator<>() {
                int served;

                @Override
                public boolean hasNext() {
                    if (served >= 2) {
                        throw new IllegalStateException("injected failure of attempt 0");
                    }
                    return out.hasNext();
                }

                @Override
                public Row next() {
                    served++;
                    return out.next();
                }
            };
        }
    }
}
