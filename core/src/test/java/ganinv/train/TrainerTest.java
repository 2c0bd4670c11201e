package ganinv.train;

import ganinv.api.types.Method;
import ganinv.api.types.LatentDistribution;
import ganinv.api.types.Architecture;
import ganinv.checkpoint.Checkpoint;
import ganinv.random.Rng;
import ai.djl.ndarray.NDManager;
import ganinv.UserError;
import ganinv.data.Dataset;
import ganinv.data.Subset;
import ganinv.model.NetConfig;
import ganinv.objective.DlsOptions;
import ganinv.objective.EncoderFit;
import ganinv.objective.GanMethod;
import ganinv.objective.LatentRegression;
import ganinv.objective.Methods;
import ganinv.objective.Trainable;
import ganinv.objective.MethodOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrainerTest {
    @TempDir
    Path tmp;

    private final PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true);

    static TrainConfig tiny(int steps) {
        return tiny("latent-regression", steps);
    }

    /** {@code spec}: a method, or method/arch ("dlsgan/stylegan2"), "+ema" for G's EMA, "+aug" for --augment. */
    static TrainConfig tiny(String spec, int steps) {
        double ema = spec.contains("+ema") ? 100 : 0;
        boolean augment = spec.contains("+aug");
        spec = spec.replace("+ema", "").replace("+aug", "");
        Method method = Method.parse(spec.split("/")[0]);
        Architecture arch = spec.contains("/") ? Architecture.parse(spec.split("/")[1]) : Architecture.DCGAN_UP;
        return new TrainConfig(method, "shapes", 64, Subset.RANDOM, steps, 4, new NetConfig(16, 3, 8, 8, arch, 1, 16), LatentDistribution.NORMAL,
                new MethodOptions(1, true, 1e-3, 0.5, 0.99, method == Method.DLSGAN ? DlsOptions.PAPER.withAugment(augment) : null, ema),
                5, 5, 1000, 10);
    }

    private Dataset data(TrainConfig c) {
        return c.openData(quiet);
    }

    private Checkpoint train(Path out, TrainConfig c, boolean resume) throws Exception {
        Trainer.run(Trainer.Request.of(c, data(c), RunDir.forTraining(out, resume, false), resume, quiet));
        return Checkpoint.read(Checkpoint.newest(out.resolve("checkpoints")).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"latent-regression", "bigan", "gan", "dlsgan", "dlsgan/stylegan2+ema+aug"})
    void sixtyStepsStraightEqualThirtyAStopAndThirtyResumedBitwise(String method) throws Exception {
        Checkpoint straight = train(tmp.resolve("straight"), tiny(method, 60), false);
        train(tmp.resolve("split"), tiny(method, 30), false);
        Checkpoint resumed = train(tmp.resolve("split"), tiny(method, 60), true);
        assertThat(resumed.header().step()).isEqualTo(60);
        assertThat(resumed.header().rngState()).isEqualTo(straight.header().rngState());
        try (NDManager m = NDManager.newBaseManager()) {
            TrainConfig c = tiny(method, 1);
            GanMethod a = Methods.create(c.method(), c.net(), c.prior(), c.options(), m);
            GanMethod b = Methods.create(c.method(), c.net(), c.prior(), c.options(), m);
            straight.restoreInto(a);
            resumed.restoreInto(b);
            assertBitwiseEqual(a, b);
            if (c.method() == Method.DLSGAN) {
                // The latent scale's tracker is part of the state, restored exactly.
                assertThat(Checkpoint.tensorsOf(b)).containsKeys("state/scale/history", "state/scale/position");
                assertThat(b.buffers().get("scale/position").getFloat()).isEqualTo(60f);
            }
        }
        // The resumed run's log keeps the lines up to the stop (every 5 steps to 30) and adds the rest once.
        List<String> lines = Files.readAllLines(tmp.resolve("split/metrics.jsonl"));
        assertThat(lines).extracting(l -> l.substring(0, l.indexOf(','))).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, 12).mapToObj(i -> "{\"step\":" + 5 * i).toList());
    }

    /** Bitwise: same seed, same thread count, same data order, same optimizer moments. */
    static void assertBitwiseEqual(Trainable a, Trainable b) {
        var ta = Checkpoint.tensorsOf(a);
        var tb = Checkpoint.tensorsOf(b);
        assertThat(ta.keySet()).containsExactlyElementsOf(tb.keySet());
        for (String k : ta.keySet()) {
            assertThat(tb.get(k).toFloatArray()).as(k).containsExactly(ta.get(k).toFloatArray());
        }
    }

    private FitConfig fit(long generatorStep, int steps) {
        return new FitConfig(generatorStep, null, steps, 0, 8, 0.5, 0, 0, 0, 1e-3, 0.9, 0.999, 4, 5, 1000, 10);
    }

    @Test
    void fittingAnEncoderResumesExactlyAndIsPickedUpByTheRun() throws Exception {
        train(tmp.resolve("gan"), tiny("gan", 6), false);
        try (TrainedRun run = TrainedRun.load(tmp.resolve("gan"))) {
            assertThat(run.method().hasEncoder()).isFalse();
            assertThatThrownBy(run::requireEncoder).isInstanceOf(UserError.class).hasMessageContaining("fit-encoder --run");
        }
        EncoderFitter.Summary straight = EncoderFitter.run(fit(6, 20), tmp.resolve("gan"), false, false, quiet);
        assertThat(straight.heldOutError()).isLessThan(straight.heldOutErrorBefore());
        Checkpoint one = Checkpoint.read(straight.checkpoint());
        EncoderFitter.run(fit(6, 12), tmp.resolve("gan"), false, true, quiet);
        Checkpoint two = Checkpoint.read(EncoderFitter.run(fit(6, 20), tmp.resolve("gan"), true, false, quiet).checkpoint());
        assertThat(two.header().step()).isEqualTo(20);
        assertThat(two.header().rngState()).isEqualTo(one.header().rngState());
        try (NDManager m = NDManager.newBaseManager()) {
            TrainConfig c = tiny("gan", 1);
            GanMethod gan = Methods.create(Method.GAN, c.net(), c.prior(), c.options(), m);
            EncoderFit a = new EncoderFit(gan, gan.encoderCopy(m), new EncoderFit.Weights(0.5, 0, 0), new double[] {1e-3, 0.9, 0.999}, m);
            EncoderFit b = new EncoderFit(gan, gan.encoderCopy(m), new EncoderFit.Weights(0.5, 0, 0), new double[] {1e-3, 0.9, 0.999}, m);
            one.restoreInto(a);
            two.restoreInto(b);
            assertBitwiseEqual(a, b);
        }
        try (TrainedRun run = TrainedRun.load(tmp.resolve("gan"))) {
            run.chooseEncoder(null);
            run.requireEncoder();
            assertThat(run.method().hasEncoder()).isTrue();
        }
        // Training G further makes the encoder stale: refused with the fix, and a fit cannot resume onto the new G.
        train(tmp.resolve("gan"), tiny("gan", 8), true);
        try (TrainedRun run = TrainedRun.load(tmp.resolve("gan"))) {
            run.chooseEncoder(null);
            assertThatThrownBy(run::requireEncoder).isInstanceOf(UserError.class)
                    .hasMessageContaining("fitted to the generator at step 6 but the run is now at step 8")
                    .hasMessageContaining("--force");
        }
        assertThatThrownBy(() -> EncoderFitter.run(fit(6, 30), tmp.resolve("gan"), true, false, quiet))
                .isInstanceOf(UserError.class).hasMessageContaining("moved from step 6 to 8");
        // Only gan runs take a fitted encoder.
        train(tmp.resolve("lr"), tiny(2), false);
        assertThatThrownBy(() -> EncoderFitter.run(fit(2, 5), tmp.resolve("lr"), false, false, quiet))
                .isInstanceOf(UserError.class).hasMessageContaining("trains its own encoder");
    }

    @Test
    void anEpochIsTheDataSizeOrFiftyThousandImagesForEndlessData() {
        assertThat(Trainer.epochImages(data(tiny(1)))).isEqualTo(64);
        TrainConfig endless = new TrainConfig(Method.LATENT_REGRESSION, "shapes", -1, Subset.RANDOM, 1, 4, new NetConfig(16, 3, 8, 8), LatentDistribution.NORMAL,
                new MethodOptions(1, true, 1e-3, 0.5, 0.99), 5, 5, 1000, 10);
        assertThat(Trainer.epochImages(data(endless))).isEqualTo(50_000);
    }

    @Test
    void refusesToOverwriteARunWithoutResumeOrForce() throws Exception {
        train(tmp.resolve("run"), tiny(2), false);
        assertThatThrownBy(() -> RunDir.forTraining(tmp.resolve("run"), false, false))
                .isInstanceOf(UserError.class).hasMessageContaining("--resume").hasMessageContaining("--force");
        Files.writeString(tmp.resolve("run/my-notes.txt"), "keep me");
        RunDir.forTraining(tmp.resolve("run"), false, true);
        assertThat(tmp.resolve("run/checkpoints")).isEmptyDirectory();
        assertThat(tmp.resolve("run/my-notes.txt")).hasContent("keep me");
        assertThatThrownBy(() -> RunDir.forTraining(tmp.resolve("none"), true, false))
                .isInstanceOf(UserError.class).hasMessageContaining("no run to resume");
    }

    @Test
    void damagedCheckpointsAreNamedUserErrors() throws Exception {
        train(tmp.resolve("run"), tiny(2), false);
        Path ckpt = Checkpoint.newest(tmp.resolve("run/checkpoints")).orElseThrow();
        byte[] bytes = Files.readAllBytes(ckpt);
        Path flipped = tmp.resolve("flipped.ckpt");
        bytes[bytes.length / 2] ^= 0x40;
        Files.write(flipped, bytes);
        assertThatThrownBy(() -> Checkpoint.read(flipped)).isInstanceOf(UserError.class)
                .hasMessageContaining("flipped.ckpt").hasMessageContaining("checksum");
        Path cut = tmp.resolve("cut.ckpt");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length - 100));
        assertThatThrownBy(() -> Checkpoint.read(cut)).isInstanceOf(UserError.class).hasMessageContaining("truncated");
        Path other = tmp.resolve("other.ckpt");
        Files.writeString(other, "hello");
        assertThatThrownBy(() -> Checkpoint.read(other)).isInstanceOf(UserError.class).hasMessageContaining("magic");
        // Another architecture is refused before anything is overwritten.
        try (NDManager m = NDManager.newBaseManager()) {
            var wider = new LatentRegression(new NetConfig(16, 3, 16, 8), LatentDistribution.NORMAL, tiny(1).options(), m);
            assertThatThrownBy(() -> Checkpoint.read(ckpt).restoreInto(wider)).isInstanceOf(UserError.class)
                    .hasMessageContaining("another method or architecture");
        }
    }

    @Test
    void keepsOnlyTheNewestThreeCheckpoints() throws Exception {
        TrainConfig c = new TrainConfig(Method.LATENT_REGRESSION, "shapes", -1, Subset.RANDOM, 10, 2, new NetConfig(16, 1, 4, 4), LatentDistribution.UNIFORM,
                new MethodOptions(1, true, 1e-3, 0.5, 0.99), 1, 5, 1000, 2);
        train(tmp.resolve("run"), c, false);
        assertThat(Checkpoint.list(tmp.resolve("run/checkpoints")).stream().map(p -> p.getFileName().toString()))
                .containsExactly("step-00000006.ckpt", "step-00000008.ckpt", "step-00000010.ckpt");
    }

    @Test
    void liveArrayCountStaysFlatOver200Steps() {
        TrainConfig c = tiny(1);
        Dataset data = data(c);
        try (NDManager manager = NDManager.newBaseManager()) {
            var method = new LatentRegression(c.net(), c.prior(), c.options(), manager);
            Rng rng = new Rng(1);
            var order = new ganinv.data.BatchOrder(data.size(), 1);
            int[] counts = new int[2];
            for (int step = 0; step < 200; step++) {
                try (NDManager scope = manager.newSubManager()) {
                    method.step(scope, Trainer.batch(scope, data, order.indices(step, 4)), rng);
                }
                if (step == 9) {
                    counts[0] = liveArrays(manager);
                }
            }
            counts[1] = liveArrays(manager);
            assertThat(counts[1]).isEqualTo(counts[0]);
            assertThat(counts[0]).isPositive();
        }
    }

    /**
     * The default recipe's networks (minibatch std in D, z modulating G) on gray images, whose first
     * convolution pads its one channel to three: neither may leave an array behind per step.
     */
    @Test
    void liveArrayCountStaysFlatForTheRecipeOnGrayImages() {
        NetConfig net = new NetConfig(16, 1, 8, 8, Architecture.DCGAN_UP, 0, 8, ganinv.api.types.GeneratorOutput.LINEAR, true);
        DlsOptions dls = new DlsOptions(10, 0.98, ganinv.api.types.ScaleTracker.EMA, ganinv.api.types.EncoderLossOn.DG, true,
                ganinv.api.types.Updates.ALTERNATING, false, 4);
        try (NDManager manager = NDManager.newBaseManager()) {
            GanMethod method = Methods.create(Method.DLSGAN, net, LatentDistribution.NORMAL,
                    new MethodOptions(1, true, 1e-3, 0.5, 0.99, dls, 0), manager);
            ai.djl.ndarray.NDArray real = manager.randomUniform(-1, 1, new ai.djl.ndarray.types.Shape(8, 1, 16, 16));
            Rng rng = new Rng(1);
            int[] counts = new int[2];
            for (int step = 0; step < 60; step++) {
                try (NDManager scope = manager.newSubManager()) {
                    ai.djl.ndarray.NDArray batch = real.duplicate();
                    batch.attach(scope);
                    method.step(scope, batch, rng);
                }
                if (step == 9) {
                    counts[0] = liveArrays(manager);
                }
            }
            counts[1] = liveArrays(manager);
            assertThat(counts[1]).isEqualTo(counts[0]).isPositive();
        }
    }

    /** Arrays alive anywhere in the engine: the system manager holds every manager as a descendant. */
    private static int liveArrays(NDManager manager) {
        return ((ai.djl.ndarray.BaseNDManager) manager.getParentManager()).getManagedArrays().size();
    }

    @Test
    void configValidationNamesTheFlag() {
        assertThatThrownBy(() -> new TrainConfig(Method.LATENT_REGRESSION, "shapes", -1, Subset.RANDOM, -5, 4, new NetConfig(16, 3, 8, 8),
                LatentDistribution.NORMAL, new MethodOptions(1, true, 1e-3, 0.5, 0.99), 1, 1, 1, 1)).hasMessageStartingWith("--steps -5");
        assertThatThrownBy(() -> Method.parse("nope")).hasMessage("--method nope: choose one of latent-regression, bigan, gan, dlsgan");
        assertThatThrownBy(() -> new MethodOptions(-1, true, 1e-3, 0.5, 0.99)).hasMessageStartingWith("--lambda");
        assertThatThrownBy(() -> LatentDistribution.parse("cauchy")).hasMessageStartingWith("--latent-dist cauchy");
    }
}
