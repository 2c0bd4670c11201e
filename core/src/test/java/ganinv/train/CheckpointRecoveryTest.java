package ganinv.train;

import ganinv.api.types.Method;
import ganinv.api.types.LatentDistribution;
import ganinv.api.types.NonFinitePolicy;
import ganinv.checkpoint.Checkpoint;
import ai.djl.ndarray.NDManager;
import ganinv.UserError;
import ganinv.data.Dataset;
import ganinv.data.Subset;
import ganinv.model.NetConfig;
import ganinv.objective.GanMethod;
import ganinv.objective.MethodOptions;
import ganinv.objective.Methods;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Damaged checkpoints on disk: reported, kept aside, and the run goes on from the last good one. */
class CheckpointRecoveryTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(log, true);

    /** A checkpoint every 2 steps. */
    private static TrainConfig config(int steps) {
        return new TrainConfig(Method.LATENT_REGRESSION, "shapes", 64, Subset.RANDOM, steps, 4, new NetConfig(16, 3, 8, 8), LatentDistribution.NORMAL,
                new MethodOptions(1, true, 1e-3, 0.5, 0.99), 5, 5, 1000, 2);
    }

    private void train(Path run, int steps, boolean resume, int keep) {
        TrainConfig c = config(steps);
        Dataset data = c.openData(out);
        Trainer.run(Trainer.Request.of(c, data, RunDir.forTraining(run, resume, false), resume, out)
                .safety(new Safety(keep, NonFinitePolicy.STOP)));
    }

    private static List<String> names(Path run) throws Exception {
        try (var s = Files.list(run.resolve("checkpoints"))) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void keepCheckpointsKeepsTheNewestN() throws Exception {
        train(tmp.resolve("one"), 8, false, 1);
        assertThat(names(tmp.resolve("one"))).containsExactly("step-00000008.ckpt");
        train(tmp.resolve("five"), 8, false, 5);
        assertThat(names(tmp.resolve("five"))).hasSize(4);
    }

    @Test
    void aTruncatedNewestCheckpointIsKeptAsideAndThePreviousOneResumedExactly() throws Exception {
        train(tmp.resolve("straight"), 12, false, 3);
        Path run = tmp.resolve("split");
        train(run, 10, false, 3);
        Path newest = run.resolve("checkpoints/step-00000010.ckpt");
        byte[] bytes = Files.readAllBytes(newest);
        Files.write(newest, java.util.Arrays.copyOf(bytes, bytes.length / 2));   // as a crashed disk might leave it

        log.reset();
        train(run, 12, true, 3);
        assertThat(log.toString()).contains("step-00000010.ckpt: checkpoint is truncated")
                .contains("kept as step-00000010.ckpt.corrupt, resuming from the checkpoint before it")
                .contains("at step 8 of 12");
        assertThat(run.resolve("checkpoints/step-00000010.ckpt.corrupt")).hasBinaryContent(java.util.Arrays.copyOf(bytes, bytes.length / 2));
        try (NDManager m = NDManager.newBaseManager()) {
            TrainConfig c = config(1);
            GanMethod a = Methods.create(c.method(), c.net(), c.prior(), c.options(), m);
            GanMethod b = Methods.create(c.method(), c.net(), c.prior(), c.options(), m);
            Checkpoint.read(tmp.resolve("straight/checkpoints/step-00000012.ckpt")).restoreInto(a);
            Checkpoint.read(run.resolve("checkpoints/step-00000012.ckpt")).restoreInto(b);
            TrainerTest.assertBitwiseEqual(a, b);
        }
    }

    @Test
    void whenEveryCheckpointIsDamagedNothingIsDeletedAndTheErrorSaysWhatToDo() throws Exception {
        Path run = tmp.resolve("run");
        train(run, 4, false, 3);
        for (String name : names(run)) {
            Path f = run.resolve("checkpoints").resolve(name);
            byte[] bytes = Files.readAllBytes(f);
            bytes[bytes.length / 2] ^= 0x5A;                                   // one flipped byte: the CRC catches it
            Files.write(f, bytes);
        }
        assertThatThrownBy(() -> train(run, 6, true, 3)).isInstanceOf(UserError.class)
                .hasMessageContaining("every checkpoint is damaged").hasMessageContaining("--force");
        assertThat(log.toString()).contains("checkpoint is corrupt (checksum mismatch)");
        assertThat(names(run)).containsExactly("step-00000002.ckpt.corrupt", "step-00000004.ckpt.corrupt");
    }
}
