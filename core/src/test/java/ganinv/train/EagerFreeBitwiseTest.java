package ganinv.train;

import ganinv.api.types.Architecture;
import ganinv.api.types.EncoderLossOn;
import ganinv.api.types.GeneratorOutput;
import ganinv.api.types.LatentDistribution;
import ganinv.api.types.Method;
import ganinv.api.types.ScaleTracker;
import ganinv.api.types.Updates;
import ganinv.data.Subset;
import ganinv.model.EagerFree;
import ganinv.model.NetConfig;
import ganinv.objective.DlsOptions;
import ganinv.objective.MethodOptions;
import ganinv.objective.StepProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.ref.PhantomReference;
import java.lang.ref.ReferenceQueue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Freeing a step's arrays early ({@link EagerFree}) computes the same bits as keeping them to the
 * step's end: the same run trained both ways writes byte-equal checkpoints and samples and the same
 * loss lines, for every method and both network families.
 */
class EagerFreeBitwiseTest {
    @TempDir
    Path tmp;

    private final PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true);

    @AfterEach
    void restore() {
        EagerFree.enabled(true);
    }

    @ParameterizedTest
    @ValueSource(strings = {"recipe", "dlsgan", "latent-regression", "bigan", "gan", "dlsgan/stylegan2+ema+aug"})
    void freeingEarlyChangesNoBitOfATrainingRun(String spec) throws Exception {
        TrainConfig c = spec.equals("recipe") ? recipe(12) : TrainerTest.tiny(spec, 12);
        EagerFree.enabled(false);
        Path kept = train(tmp.resolve("kept"), c);
        EagerFree.enabled(true);
        Path freed = train(tmp.resolve("freed"), c);

        List<Path> files = files(kept.resolve("checkpoints"));
        assertThat(files).isNotEmpty();
        List<Path> samples = files(kept.resolve("samples"));
        assertThat(samples).isNotEmpty();
        files.addAll(samples);
        for (Path f : files) {
            Path other = freed.resolve(kept.relativize(f));
            assertThat(Files.mismatch(f, other)).as(kept.relativize(f).toString()).isEqualTo(-1L);
        }
        assertThat(losses(freed)).isEqualTo(losses(kept)).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"recipe", "dlsgan", "latent-regression", "bigan", "gan", "dlsgan/stylegan2+ema+aug"})
    void aGarbageCollectionBeforeEachBackwardPassChangesNoBit(String spec) throws Exception {
        TrainConfig c = spec.equals("recipe") ? recipe(6) : TrainerTest.tiny(spec, 6);
        Path plain = train(tmp.resolve("plain"), c);
        Path collected;
        try (AutoCloseable probe = StepProbe.listen(point -> collectGarbage())) {
            collected = train(tmp.resolve("collected"), c);
        }
        for (Path f : files(plain.resolve("checkpoints"))) {
            assertThat(Files.mismatch(f, collected.resolve(plain.relativize(f)))).as(plain.relativize(f).toString()).isEqualTo(-1L);
        }
        assertThat(losses(collected)).isEqualTo(losses(plain)).isNotEmpty();
    }

    /**
     * A full collection, and the wait until the JVM has freed what it found: a direct buffer's
     * memory goes back to malloc, which writes its free-list pointers into the buffer's first bytes.
     * An array of the step that still read such memory would then compute with those bytes.
     */
    private static void collectGarbage() {
        ReferenceQueue<Object> queue = new ReferenceQueue<>();
        PhantomReference<Object> sentinel = new PhantomReference<>(new Object(), queue);
        System.gc();
        try {
            queue.remove(2000);
            Thread.sleep(10);                                    // the rest of the same batch of references
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        java.lang.ref.Reference.reachabilityFence(sentinel);
    }

    /** The default recipe's networks at a tiny size: linear G output, z modulating G's stages, minibatch std in D. */
    private static TrainConfig recipe(int steps) {
        NetConfig net = new NetConfig(16, 3, 8, 8, Architecture.DCGAN_UP, 0, 8, GeneratorOutput.LINEAR, true);
        DlsOptions dls = new DlsOptions(1, 0.98, ScaleTracker.EMA, EncoderLossOn.DG, true, Updates.ALTERNATING, false, 4);
        return new TrainConfig(Method.DLSGAN, "shapes", 64, Subset.RANDOM, steps, 4, net, LatentDistribution.NORMAL,
                new MethodOptions(1, true, 1e-3, 0.5, 0.99, dls, 0), 5, 4, 4, 4);
    }

    private Path train(Path out, TrainConfig c) throws Exception {
        Trainer.run(Trainer.Request.of(c, c.openData(quiet), RunDir.forTraining(out, false, false), false, quiet));
        return out;
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return new java.util.ArrayList<>(s.sorted().toList());
        }
    }

    /** metrics.jsonl without what depends on the clock and the process: seconds and RSS. */
    private static List<String> losses(Path run) throws IOException {
        return Files.readAllLines(run.resolve("metrics.jsonl")).stream()
                .map(l -> l.replaceAll("\"(seconds|rss_mib|[a-z_]*per_s[a-z_]*)\":[-0-9.Ee]+,?", "")).toList();
    }
}
