package ganinv.api;

import ganinv.api.types.EncoderLossOn;
import ganinv.api.types.GeneratorOutput;
import ganinv.api.types.ScaleTracker;
import ganinv.api.types.LatentDistribution;
import ganinv.api.types.Updates;
import ganinv.api.types.CollapsePolicy;
import ganinv.api.types.NonFinitePolicy;
import ganinv.api.types.Architecture;
import ganinv.api.types.BadInputException;
import ganinv.api.types.InvertMode;
import ganinv.api.types.Method;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ganinv.data.ImageCodec;
import ganinv.data.Npy;
import ganinv.data.ShapesDataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The public API against the command line on one short dlsgan run: the same codes, images and
 * measurements, bitwise the same training, safe sharing between threads, one exception family.
 * Only public members of ganinv.api are used; the CLI and its files are the reference.
 */
class GanRunTest {
    @TempDir
    static Path tmp;

    static Path run;
    static Path images;
    static final List<long[]> intervals = new ArrayList<>();

    static final String[] FLAGS = {"--method", "dlsgan", "--resolution", "16", "--width", "8", "--latent-dim", "8",
            "--batch", "4", "--steps", "20", "--log-every", "10", "--sample-every", "10", "--checkpoint-every", "10"};

    @BeforeAll
    static void trainAndDraw() throws Exception {
        run = tmp.resolve("api-run");
        TrainingResult r = Training.builder(run).method(Method.DLSGAN).resolution(16).width(8).latentDim(8).batch(4).steps(20)
                .logEvery(10).sampleEvery(10).checkpointEvery(10)
                .listener((step, steps, metrics) -> {
                    assertThat(metrics).containsKeys("l_enc", "images_per_s", "seconds");
                    intervals.add(new long[] {step, steps});
                }).run();
        assertThat(r.step()).isEqualTo(20);
        assertThat(r.checkpoint()).exists();
        images = tmp.resolve("images");
        ShapesDataset shapes = new ShapesDataset(7, 6, 32, 3);
        for (int i = 0; i < shapes.size(); i++) {
            ImageCodec.writePng(shapes.pixels(i), 3, 32, 32, images.resolve("s" + i + ".png"));
        }
    }

    /** The reference: the internals the API wraps, called directly (encoder or hybrid, 5 steps). */
    private static float[] referenceCodes(String mode) {
        try (ganinv.train.TrainedRun t = ganinv.train.TrainedRun.load(run)) {
            var net = t.method().net();
            var decoded = ganinv.data.ImageFolderLoader.decodeAll(images, net.channels(), net.resolution(),
                    new PrintStream(new ByteArrayOutputStream()));
            ganinv.invert.Inverter inverter = mode.equals("encoder")
                    ? new ganinv.invert.EncoderInverter(t.method(), t.manager(), 64)
                    : new ganinv.invert.OptimizationInverter(t.method(), t.manager(),
                            new ganinv.invert.OptimizeSettings(5, 0.05, ganinv.api.types.InvertLoss.L2, 0, 1, 64, 0), true);
            return inverter.invert(decoded.images()).codes();
        }
    }

    private static String[] with(String[] head, String... tail) {
        String[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    @Test
    void theBuilderTrainsBitwiseAsTheCommandAndTellsTheListener() throws Exception {
        // The reference: the engine's own trainer on the config the flags and the documented
        // defaults describe, written out by hand (the command and the builder share one path).
        Path byEngine = tmp.resolve("engine-run");
        ganinv.model.NetConfig net = ganinv.model.NetConfig.of(Architecture.DCGAN_UP, 16, 3, 8, 8, 2, 128, GeneratorOutput.LINEAR, true);
        ganinv.objective.MethodOptions d = ganinv.objective.Methods.defaults(Method.DLSGAN);
        ganinv.objective.MethodOptions options = new ganinv.objective.MethodOptions(1, true, d.learningRate(), d.beta1(),
                d.beta2(), new ganinv.objective.DlsOptions(10, 0.98, ScaleTracker.RING, EncoderLossOn.DG, true, Updates.SIMULTANEOUS, false, 4)).withGEma(0);
        ganinv.train.TrainConfig config = new ganinv.train.TrainConfig(Method.DLSGAN, "shapes", -1, ganinv.data.Subset.RANDOM, 20, 4,
                net, LatentDistribution.NORMAL, options, 0, 10, 10, 10);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        try (ganinv.model.NoGrad noGrad = new ganinv.model.NoGrad()) {
            ganinv.train.Trainer.run(ganinv.train.Trainer.Request.of(config, config.openData(quiet),
                    ganinv.train.RunDir.forTraining(byEngine, false, false), false, quiet)
                    .safety(new ganinv.train.Safety(3, NonFinitePolicy.STOP,
                            ganinv.train.CollapseGuard.of(CollapsePolicy.RESTART))));
        }
        for (Path other : new Path[] {run}) {
            for (String ckpt : new String[] {"step-00000010.ckpt", "step-00000020.ckpt"}) {
                assertThat(Files.readAllBytes(other.resolve("checkpoints").resolve(ckpt)))
                        .as(other + " " + ckpt).isEqualTo(Files.readAllBytes(byEngine.resolve("checkpoints").resolve(ckpt)));
            }
            assertThat(Files.readAllBytes(other.resolve("samples/step-00000020.png")))
                    .isEqualTo(Files.readAllBytes(byEngine.resolve("samples/step-00000020.png")));
        }
        assertThat(intervals).containsExactly(new long[] {10, 20}, new long[] {20, 20});

        TrainingResult more = Training.resume(byEngine).steps(30).run();
        assertThat(more.step()).isEqualTo(30);
        try (GanRun resumed = GanRun.open(byEngine)) {
            assertThat(resumed.step()).isEqualTo(30);
        }
    }

    @Test
    void encoderAndHybridCodesEqualTheInvertersAndRenderAsTheirReconstructions() throws Exception {
        for (String mode : new String[] {"encoder", "hybrid"}) {
            float[] expectedCodes = referenceCodes(mode);
            InvertSettings how = mode.equals("hybrid")
                    ? InvertSettings.builder().mode(InvertMode.HYBRID).steps(5).build() : InvertSettings.encoder();
            long[] told = new long[2];
            try (GanRun g = GanRun.open(run)) {
                InvertedFolder inv = g.invertFolder(images, how, (done, total) -> {
                    told[0] = done;
                    told[1] = total;
                });
                assertThat(inv.names()).hasSize(6).startsWith("s0.png");
                assertThat(told[0]).isEqualTo(told[1]).isEqualTo(mode.equals("hybrid") ? 5 : 6);
                for (int i = 0; i < inv.codes().length; i++) {
                    for (int j = 0; j < g.latentDim(); j++) {
                        assertThat(inv.codes()[i][j]).isEqualTo(expectedCodes[i * g.latentDim() + j]);
                    }
                }
                try (ganinv.train.TrainedRun t = ganinv.train.TrainedRun.load(run)) {
                    List<byte[]> expected = ganinv.invert.Decode.images(t.method(), t.manager(), expectedCodes, 64);
                    List<BufferedImage> drawn = g.render(inv.codes());
                    for (int i = 0; i < drawn.size(); i++) {
                        BufferedImage want = ImageCodec.toImage(expected.get(i), 3, 16, 16);
                        assertThat(Quality.psnr(want, drawn.get(i))).as(mode + " " + i).isInfinite();
                    }
                }
            }
        }
    }

    @Test
    void filesPixelsAndImagesGiveTheFoldersCodes() throws Exception {
        try (GanRun g = GanRun.open(run)) {
            InvertedFolder folder = g.invertFolder(images, InvertSettings.encoder(), null);
            List<Path> files = folder.names().stream().map(images::resolve).toList();
            assertThat(g.invertFiles(files, InvertSettings.encoder(), null)).isDeepEqualTo(folder.codes());
            // An R×R RGB image is taken as it is, so its pixels as floats must give its codes.
            BufferedImage drawn = g.render(new float[][] {new float[8]}).get(0);
            float[] p = new float[3 * 16 * 16];
            for (int y = 0; y < 16; y++) {
                for (int x = 0; x < 16; x++) {
                    int rgb = drawn.getRGB(x, y);
                    p[y * 16 + x] = ((rgb >> 16) & 0xff) / 255f;
                    p[256 + y * 16 + x] = ((rgb >> 8) & 0xff) / 255f;
                    p[512 + y * 16 + x] = (rgb & 0xff) / 255f;
                }
            }
            assertThat(g.invertPixels(List.of(p), InvertSettings.encoder()))
                    .isDeepEqualTo(g.invert(List.of(drawn), InvertSettings.encoder()));
            assertThatThrownBy(() -> g.invertFiles(List.of(tmp.resolve("missing.png")), InvertSettings.encoder(), null))
                    .isInstanceOf(BadInputException.class).hasMessageContaining("missing.png");
            assertThatThrownBy(() -> g.invertPixels(List.of(new float[5]), InvertSettings.encoder()))
                    .isInstanceOf(BadInputException.class).hasMessageContaining("768");
        }
    }

    @Test
    void evaluateHoldsTheMeasurementsValues() throws Exception {
        Path json = tmp.resolve("eval.json");
        try (ganinv.train.TrainedRun t = ganinv.train.TrainedRun.load(run)) {
            ganinv.data.JsonFiles.write(json, ganinv.train.Measure.run(t, "shapes",
                    new ganinv.train.Measure.Options(12, 1_000_003L, null, null, 0)).values());
        }
        JsonNode expected = new ObjectMapper().readTree(json.toFile());
        try (GanRun g = GanRun.open(run)) {
            Evaluation e = g.evaluate("shapes", 12, 1_000_003L);
            assertThat(e.json().keySet()).containsExactlyElementsOf(() -> expected.fieldNames());
            for (Map.Entry<String, Object> kv : e.json().entrySet()) {
                JsonNode want = expected.get(kv.getKey());
                if (kv.getValue() instanceof Number n) {
                    assertThat(n.doubleValue()).as(kv.getKey()).isEqualTo(want.asDouble());
                } else if (kv.getValue() instanceof Map<?, ?> nested) {   // "encoders": {trained: {...}}
                    assertThat((JsonNode) new ObjectMapper().valueToTree(nested)).as(kv.getKey()).isEqualTo(want);
                } else {
                    assertThat(String.valueOf(kv.getValue())).as(kv.getKey()).isEqualTo(want.asText());
                }
            }
            assertThat(e.fid()).isEqualTo(expected.get("fid").asDouble());
            assertThat(e.psnrReal()).isEqualTo(expected.get("psnr_real").asDouble());
            assertThat(e.latentEntropy()).isEqualTo(expected.get("latent_entropy").asDouble());
            assertThat(e.probeAccuracy()).isEqualTo(expected.get("probe_accuracy").asDouble());
        }
    }

    @Test
    void fourThreadsGetTheSequentialCodesAndLeakNoArray() throws Exception {
        List<BufferedImage> pictures = new ArrayList<>();
        try (var files = Files.list(images)) {
            for (Iterator<Path> it = files.sorted().iterator(); it.hasNext(); ) {
                pictures.add(ImageIO.read(it.next().toFile()));
            }
        }
        InvertSettings hybrid = InvertSettings.builder().mode(InvertMode.HYBRID).steps(3).batch(2).build();
        try (GanRun g = GanRun.open(run)) {
            float[][] encoder = g.invert(pictures, InvertSettings.encoder());
            float[][] optimised = g.invert(pictures, hybrid);
            int arrays = g.engineArrays();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<float[][][]>> results = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    results.add(pool.submit(() -> {
                        float[][] e = null;
                        for (int k = 0; k < 5; k++) {
                            e = g.invert(pictures, InvertSettings.encoder());
                            g.render(e);
                        }
                        return new float[][][] {e, g.invert(pictures, hybrid)};
                    }));
                }
                for (Future<float[][][]> f : results) {
                    assertThat(f.get()[0]).isDeepEqualTo(encoder);
                    assertThat(f.get()[1]).isDeepEqualTo(optimised);
                }
            } finally {
                pool.shutdown();
            }
            assertThat(g.engineArrays()).isEqualTo(arrays);
        }
        // libtorch's grad mode is per thread: opening, inverting and training must work off the engine's thread too.
        Path elsewhere = tmp.resolve("trained-on-a-worker");
        float[][] fromWorker = Executors.newSingleThreadExecutor(r -> new Thread(r, "worker")).submit(() -> {
            Training.builder(elsewhere).resolution(16).width(8).latentDim(8).batch(4).steps(2).run();
            try (GanRun g = GanRun.open(run)) {
                return g.invert(pictures, hybrid);
            }
        }).get();
        try (GanRun g = GanRun.open(run)) {
            assertThat(fromWorker).isDeepEqualTo(g.invert(pictures, hybrid));
        }
        assertThat(elsewhere.resolve("checkpoints/step-00000002.ckpt")).exists();
    }

    @Test
    void stylegan2RendersAndInvertsWithoutLeavingArraysBehind() {
        Path style = tmp.resolve("style-run");
        Training.builder(style).method(Method.DLSGAN).arch(Architecture.STYLEGAN2).resolution(16).latentDim(8).batch(4).steps(2)
                .gEma(100).run();
        try (GanRun g = GanRun.open(style)) {
            float[][] z = g.sampleCodes(3, 7);
            g.invert(g.render(z), InvertSettings.encoder());
            int arrays = g.engineArrays();
            for (int i = 0; i < 5; i++) {
                g.invert(g.render(z), InvertSettings.encoder());
            }
            assertThat(g.engineArrays()).as("arrays left in the run's scope by 5 renders and inversions").isEqualTo(arrays);
        }
    }

    @Test
    void editsKeepTheCodesShape() {
        try (GanRun g = GanRun.open(run)) {
            assertThat(g.method()).isEqualTo(Method.DLSGAN);
            assertThat(g.architecture()).isEqualTo(Architecture.DCGAN_UP);
            assertThat(g.step()).isEqualTo(20);
            assertThat(g.latentScale()).hasSize(8);
            float[] a = new float[8];
            float[] b = new float[8];
            java.util.Arrays.fill(b, 1f);
            float[][] path = Edits.interpolate(a, b, 5, false);
            assertThat(path).hasDimensions(5, 8);
            assertThat(path[2][3]).isEqualTo(0.5f);
            assertThat(Edits.applyDirection(a, b, -2)).containsOnly(-2f);
            ElementRanking ranking = g.rankElements(0);
            assertThat(ranking.rankedBy()).isEqualTo("latent scale s");
            assertThat(ranking.top(3)).hasSize(3);
            List<BufferedImage> grid = g.traverse(a, ranking.top(2), new float[] {-1, 0, 1});
            assertThat(grid).hasSize(6).allSatisfy(im -> assertThat(im.getWidth()).isEqualTo(16));
            float[] direction = Edits.attributeDirection(new float[][] {a, b, b}, new int[] {0, 1, 1}, 1, 0);
            assertThat(direction).containsOnly(1f);
        }
    }

    @Test
    void fitDecodeSampleAndCopyAreWhatTheCommandsUse() throws Exception {
        Path file = images.resolve("s0.png");
        BufferedImage decoded = ImageFiles.decode(Files.readAllBytes(file), file.toString());
        assertThat(decoded.getWidth()).isEqualTo(32);
        assertThatThrownBy(() -> ImageFiles.decode(new byte[] {1, 2, 3}, "junk.png")).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("junk.png: not a");
        Path copy = tmp.resolve("copied-run");
        try (GanRun g = GanRun.open(run)) {
            BufferedImage seen = g.fit(decoded);
            assertThat(seen.getWidth()).isEqualTo(16);
            assertThat(g.invert(List.of(seen), InvertSettings.encoder())).isDeepEqualTo(g.invert(List.of(decoded), InvertSettings.encoder()));
            float[][] z = g.sampleCodes(3, 42);
            assertThat(z).hasDimensions(3, 8).isDeepEqualTo(g.sampleCodes(3, 42));
            g.copyEssentials(copy);
            assertThatThrownBy(() -> g.copyEssentials(copy)).isInstanceOf(BadInputException.class).hasMessageContaining("already exists");
            try (GanRun c = GanRun.open(copy)) {
                assertThat(c.step()).isEqualTo(g.step());
                assertThat(c.render(z).get(2).getRGB(5, 5)).isEqualTo(g.render(z).get(2).getRGB(5, 5));
            }
        }
        try (var files = Files.list(copy.resolve("checkpoints"))) {
            assertThat(files.count()).isEqualTo(1);
        }
    }

    @Test
    void mistakesArriveAsOneLineBadInput() {
        assertThatThrownBy(() -> GanRun.open(tmp.resolve("nowhere"))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("nowhere").satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        try (GanRun g = GanRun.open(run)) {
            assertThatThrownBy(() -> g.render(new float[][] {new float[3]})).isInstanceOf(BadInputException.class)
                    .hasMessageContaining("d = 8");
            assertThatThrownBy(() -> g.evaluate("shapes", 5, 0)).isInstanceOf(BadInputException.class)
                    .hasMessageContaining("--count 5");
            assertThatThrownBy(() -> g.invertFolder(tmp.resolve("empty-or-missing"), InvertSettings.encoder(), null))
                    .isInstanceOf(BadInputException.class);
            g.close();
            // Use after close is the calling program's mistake, not its input's.
            assertThatThrownBy(() -> g.render(new float[][] {new float[8]})).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("closed");
        }
        assertThatThrownBy(() -> InvertSettings.builder().steps(0).build()).isInstanceOf(BadInputException.class)
                .hasMessageContaining("--steps 0");
        Path never = tmp.resolve("never");
        assertThatThrownBy(() -> Training.builder(never).method(Method.BIGAN).r1Weight(5).steps(1).run())
                .isInstanceOf(BadInputException.class).hasMessageContaining("--r1-weight");
        assertThat(never).doesNotExist();
    }

    @Test
    void qualityOfPairsIsPsnrAndSsim() {
        BufferedImage a = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        BufferedImage b = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        b.setRGB(3, 4, 0x0A0A0A);                   // one pixel off by 10 in each channel
        // MSE = 3·100 / (3·256) = 100/256; PSNR = 10·log10(255² / MSE)
        assertThat(Quality.psnr(a, b)).isCloseTo(10 * Math.log10(255.0 * 255 * 256 / 100), within(1e-9));
        assertThat(Quality.psnr(a, a)).isInfinite();
        assertThat(Quality.ssim(b, b)).isCloseTo(1.0, within(1e-12));
        assertThatThrownBy(() -> Quality.psnr(a, new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("16x16 and 8x8");
    }
}
