package ganinv.api;

import ganinv.api.types.Architecture;
import ganinv.api.types.BadInputException;
import ganinv.api.types.CollapsePolicy;
import ganinv.api.types.EncoderLossOn;
import ganinv.api.types.Generator;
import ganinv.api.types.GeneratorOutput;
import ganinv.api.types.InvertLoss;
import ganinv.api.types.InvertMode;
import ganinv.api.types.LatentDistribution;
import ganinv.api.types.Method;
import ganinv.api.types.NonFinitePolicy;
import ganinv.api.types.ScaleTracker;
import ganinv.api.types.Updates;
import ganinv.data.ImageCodec;
import ganinv.data.ShapesDataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The API's shape: settings as enums that read the command line's spelling, a training fixed by
 * build(), immutable results that compare by content, skipped files returned rather than
 * printed, file refusals told apart from bad input, and the operations the commands use.
 */
class ApiShapeTest {
    @TempDir
    static Path tmp;
    static Path run;
    static Path images;

    @BeforeAll
    static void trainTiny() throws Exception {
        run = tmp.resolve("run");
        Training.builder(run).resolution(16).width(8).latentDim(8).batch(4).steps(10).logEvery(10).build().run();
        images = tmp.resolve("images");
        ShapesDataset shapes = new ShapesDataset(3, 4, 32, 3);
        for (int i = 0; i < shapes.size(); i++) {
            ImageCodec.writePng(shapes.pixels(i), 3, 32, 32, images.resolve("s" + i + ".png"));
        }
        Files.write(images.resolve("broken.png"), new byte[] {1, 2, 3});
    }

    @Test
    void everySettingEnumReadsItsSpellingAndNamesTheChoicesOtherwise() {
        assertThat(Method.parse("latent-regression")).isEqualTo(Method.LATENT_REGRESSION);
        assertThat(Architecture.parse("dcgan-up")).isEqualTo(Architecture.DCGAN_UP);
        assertThat(InvertLoss.parse("l2+features")).isEqualTo(InvertLoss.L2_FEATURES);
        assertThat(Generator.parse("G_ema")).isEqualTo(Generator.G_EMA);
        assertThat(InvertMode.parse("hybrid")).isEqualTo(InvertMode.HYBRID);
        for (Class<? extends Enum<?>> type : List.of(Method.class, Architecture.class, GeneratorOutput.class,
                ScaleTracker.class, EncoderLossOn.class, Updates.class, LatentDistribution.class, NonFinitePolicy.class,
                CollapsePolicy.class, InvertLoss.class, Generator.class, InvertMode.class)) {
            for (Enum<?> e : type.getEnumConstants()) {
                assertThat(parse(type, e.toString())).as(type.getSimpleName()).isSameAs(e);
            }
            assertThatThrownBy(() -> parse(type, "nonsense")).isInstanceOf(BadInputException.class)
                    .hasMessageContaining("nonsense").hasMessageContaining("choose one of")
                    .hasMessageContaining(type.getEnumConstants()[0].toString());
        }
    }

    private static Object parse(Class<?> type, String text) {
        try {
            return type.getMethod("parse", String.class).invoke(null, text);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw (RuntimeException) e.getCause();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theDefaultRecipeIsTheBuildersAndTheRunRecordsIt() {
        try (GanRun g = GanRun.open(run)) {
            assertThat(g.method()).isEqualTo(Recipe.METHOD).isEqualTo(Method.DLSGAN);
            assertThat(g.architecture()).isEqualTo(Recipe.ARCHITECTURE).isEqualTo(Architecture.DCGAN_UP);
            assertThat(g.latentDistribution()).isEqualTo(LatentDistribution.NORMAL);
            assertThat(g.generator()).isEqualTo(Generator.G);
            assertThat(g.hasEncoder()).isTrue();
            assertThat(g.trainingData()).isEqualTo("shapes");
        }
    }

    /** A tanh G died on a third of the other methods' shapes starts; the modulation killed latent-regression's. */
    @Test
    void everyMethodsGEndsLinearAndOnlyDlsganModulatesUnlessTold() {
        for (Method m : Method.values()) {
            ganinv.model.NetConfig net = Training.builder(tmp.resolve("c")).method(m).build().config().net();
            assertThat(net.output()).as(m.toString()).isEqualTo(GeneratorOutput.LINEAR);
            assertThat(net.modulated()).as(m.toString()).isEqualTo(m == Method.DLSGAN);
        }
        ganinv.model.NetConfig told = Training.builder(tmp.resolve("c")).method(Method.GAN).gOutput(GeneratorOutput.TANH)
                .gModulation(true).build().config().net();
        assertThat(told.output()).isEqualTo(GeneratorOutput.TANH);
        assertThat(told.modulated()).isTrue();
    }

    @Test
    void buildFixesTheSettingsAndRunTrains() {
        TrainingBuilder b = Training.builder(tmp.resolve("fixed")).resolution(16).width(8).latentDim(8).batch(4).steps(2)
                .logEvery(1);
        Training fixed = b.build();
        b.steps(1000).latentDim(64);                     // later changes do not reach the built training
        TrainingResult r = fixed.run();
        assertThat(r.step()).isEqualTo(2);
        try (GanRun g = GanRun.open(tmp.resolve("fixed"))) {
            assertThat(g.latentDim()).isEqualTo(8);
        }
        assertThat(Training.newestStep(tmp.resolve("fixed"))).isEqualTo(2);
        assertThat(Training.newestStep(tmp.resolve("no-run-here"))).isZero();
        assertThatThrownBy(() -> Training.builder(tmp.resolve("x")).method(null)).isInstanceOf(BadInputException.class);
    }

    @Test
    void aFolderComesBackWithItsSkippedFilesAndResultsCompareByContent() {
        try (GanRun g = GanRun.open(run)) {
            InvertedFolder a = g.invertFolder(images, InvertSettings.encoder(), null);
            assertThat(a.names()).containsExactly("s0.png", "s1.png", "s2.png", "s3.png");
            assertThat(a.skipped()).hasSize(1);
            assertThat(a.skipped().get(0).name()).isEqualTo("broken.png");
            assertThat(a.skipped().get(0).reason()).contains("broken.png").doesNotContain("\n");
            InvertedFolder b = g.invertFolder(images, InvertSettings.encoder(), null);
            assertThat(b).isEqualTo(a).hasSameHashCodeAs(a).isNotSameAs(a);
            a.codes()[0][0] = 1e9f;                      // a copy: the record does not change
            assertThat(a).isEqualTo(b);

            ElementRanking r = g.rankElements(0);
            r.order()[0] = -1;
            r.scores()[0] = -1;
            assertThat(r).isEqualTo(g.rankElements(0));
            assertThat(r.order()[0]).isNotEqualTo(-1);
        }
    }

    @Test
    void fittedImagesInvertWithTheTraceAndScoreInTheRunsChannels() throws Exception {
        try (GanRun g = GanRun.open(run)) {
            FittedImages fitted = FittedImages.readFolder(g, images, ImageFiles.DEFAULT_MAX_PIXELS);
            assertThat(fitted.size()).isEqualTo(4);
            assertThat(fitted.images().get(0).getWidth()).isEqualTo(16);
            Inversion byEncoder = g.invert(fitted, InvertSettings.encoder(), null);
            assertThat(byEncoder.lossHistory()).isEmpty();
            assertThat(byEncoder.codes()).isDeepEqualTo(g.invertFolder(images, InvertSettings.encoder(), null).codes());
            Inversion byHybrid = g.invert(fitted, InvertSettings.builder().mode(InvertMode.HYBRID).steps(3).build(), null);
            assertThat(byHybrid.lossHistory()).hasSize(3);
            // Each image keeps its best iterate, the encoder's code included: the trace never rises above its start.
            assertThat(byHybrid.lossHistory()[2]).isLessThanOrEqualTo(byHybrid.lossHistory()[0]);

            List<BufferedImage> drawn = g.render(byEncoder.codes());
            PairScores same = Quality.pairs(fitted.names(), drawn, drawn, 3);
            assertThat(same.meanPsnr()).isInfinite();
            PairScores scores = Quality.pairs(fitted.names(), fitted.images(), drawn, 3);
            assertThat(scores.pairs().get(0).psnr()).isEqualTo(Quality.psnr(fitted.images().get(0), drawn.get(0)));
            Map<String, Object> json = scores.json(Map.of("mode", "encoder"));
            assertThat(json.keySet()).containsExactly("mode", "count", "mean", "images");

            Path grid = tmp.resolve("grid.png");
            ImageFiles.writeGrid(drawn, 2, grid);
            BufferedImage read = ImageIO.read(grid.toFile());
            assertThat(read.getWidth()).isEqualTo(2 + 2 * (16 * 4 + 2));     // 16-px tiles magnified 4×, 2-px gaps
            assertThat(read.getHeight()).isEqualTo(2 + 2 * (16 * 4 + 2));
        }
    }

    @Test
    void aRefusedPathIsAFileAccessExceptionNotBadInput() throws Exception {
        Path file = tmp.resolve("a-file");
        Files.writeString(file, "x");
        assertThatThrownBy(() -> JsonFiles.write(file.resolve("under-a-file.json"), Map.of("a", 1)))
                .isInstanceOf(FileAccessException.class).isNotInstanceOf(BadInputException.class)
                .hasMessageContaining("under-a-file.json");
    }

    @Test
    void aDirectionFromLabelledDataAndItsMistakes() {
        try (GanRun g = GanRun.open(run)) {
            Direction d = Edits.attributeDirection(g, "shapes", "circle", "square", 60, 7);
            assertThat(d.vector()).hasSize(8);
            assertThat(d.attribute()).isEqualTo("circle");
            assertThat(d.versus()).isEqualTo("square");
            assertThat(d.images()).isEqualTo(60);
            assertThat(d.norm()).isPositive();
            assertThat(Edits.attributeDirection(g, "shapes", "circle", "square", 60, 7)).isEqualTo(d);
            assertThatThrownBy(() -> Edits.attributeDirection(g, "shapes", "hexagon", null, 60, 7))
                    .isInstanceOf(BadInputException.class).hasMessageContaining("--attribute hexagon")
                    .hasMessageContaining("circle");
        }
    }

    @Test
    void anEncoderIsFittedToAPlainGanThroughTheApi() {
        Path gan = tmp.resolve("gan");
        Training.builder(gan).method(Method.GAN).resolution(16).width(8).latentDim(8).batch(4).steps(4).logEvery(4).run();
        try (GanRun g = GanRun.open(gan)) {
            assertThat(g.hasEncoder()).isFalse();
            assertThatThrownBy(() -> g.invert(List.of(new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB)),
                    InvertSettings.encoder())).isInstanceOf(BadInputException.class).hasMessageContaining("fit-encoder");
        }
        EncoderFitResult fit = EncoderFit.builder(gan).steps(6).batch(4).logEvery(3).sampleEvery(6).checkpointEvery(6).run();
        assertThat(fit.step()).isEqualTo(6);
        assertThat(fit.checkpoint()).exists();
        assertThat(fit.heldOutError()).isFinite();
        try (GanRun g = GanRun.open(gan)) {
            assertThat(g.hasEncoder()).isTrue();
        }
        assertThatThrownBy(() -> EncoderFit.builder(gan).steps(6).run()).isInstanceOf(BadInputException.class)
                .hasMessageContaining("--resume").hasMessageContaining("--force");
        assertThat(EncoderFit.resume(gan).steps(8).run().step()).isEqualTo(8);
    }

    @Test
    void anEvaluationReadsBackFromItsJson() {
        try (GanRun g = GanRun.open(run)) {
            Evaluation e = g.evaluate("shapes", EvaluationSettings.of(12));
            Evaluation again = Evaluation.of(e.json());
            assertThat(again.fid()).isEqualTo(e.fid());
            assertThat(again.count()).isEqualTo(12);
            assertThatThrownBy(() -> new EvaluationSettings(5, 1, null, null, 0)).isInstanceOf(BadInputException.class)
                    .hasMessageContaining("--count 5");
        }
    }

    @Test
    void aDeviceTheEngineLacksIsBadInputBeforeAnythingIsWritten() {
        Path never = tmp.resolve("gpu-run");
        assertThatThrownBy(() -> Training.builder(never).device("gpu").steps(1).run()).isInstanceOf(BadInputException.class)
                .hasMessageContaining("--device gpu").hasMessageContaining("CUDA");
        assertThat(never).doesNotExist();
        assertThatThrownBy(() -> GanRun.open(run, null, "gpu:0")).isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> EncoderFit.builder(run).device("cuda").run()).isInstanceOf(BadInputException.class)
                .hasMessageContaining("choose cpu, gpu or gpu:N");
        try (GanRun onCpu = GanRun.open(run, null, "cpu")) {
            assertThat(onCpu.render(new float[][] {new float[8]})).hasSize(1);
        }
    }

    @Test
    void buildInfoNamesTheRelease() {
        assertThat(BuildInfo.version()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(BuildInfo.gitCommit()).isNotBlank();
    }

    /** A training that ran and failed reaches the caller as its own type, not as a mistake in the input. */
    @org.junit.jupiter.api.Test
    void aFailedTrainingIsATrainingFailedException() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Guard.call(() -> {
            throw new ganinv.train.TrainingFailed("step 9: loss_d is not finite; training stopped");
        })).isExactlyInstanceOf(TrainingFailedException.class).isNotInstanceOf(BadInputException.class)
                .hasMessage("step 9: loss_d is not finite; training stopped");
    }
}
