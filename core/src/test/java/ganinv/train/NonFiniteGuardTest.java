package ganinv.train;

import ganinv.api.types.NonFinitePolicy;
import ganinv.checkpoint.Checkpoint;
import ganinv.random.Rng;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ganinv.data.BatchOrder;
import ganinv.data.Dataset;
import ganinv.objective.GanMethod;
import ganinv.objective.Methods;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** --on-nonfinite: a NaN is caught in the step it appears, and the last good checkpoint survives it. */
class NonFiniteGuardTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(log, true);

    /** Real latent-regression steps; after step {@code poisonAt} (0-based) one of G's weights turns NaN, {@code times} times. */
    private Loop.Result run(NonFinitePolicy policy, long steps, long poisonAt, int times, boolean poisonLoss) {
        TrainConfig c = TrainerTest.tiny(1);
        Dataset data = c.openData(out);
        RunDir dir = RunDir.forTraining(tmp.resolve("run"), false, false);
        try (NDManager manager = NDManager.newBaseManager()) {
            GanMethod method = Methods.create(c.method(), c.net(), c.prior(), c.options(), manager);
            Rng rng = new Rng(1);
            BatchOrder order = new BatchOrder(data.size(), 1);
            int[] poisoned = {0};
            Loop.Job job = new Loop.Job(method, rng) {
                @Override
                Map<String, Double> step(NDManager scope, long step) {
                    Map<String, Double> losses = method.step(scope, Trainer.batch(scope, data, order.indices(step, 4)), rng);
                    if (step == poisonAt && poisoned[0]++ < times) {
                        if (poisonLoss) {
                            losses.put("loss_d", Double.POSITIVE_INFINITY);
                        } else {
                            NDArray w = method.networks().get("G").weights().values().iterator().next();
                            w.set(new NDIndex("0"), Float.NaN);
                        }
                    }
                    return losses;
                }

                @Override
                void writeSamples(Path file) {
                }

                @Override
                Path checkpoint(long done) throws java.io.IOException {
                    return Checkpoint.save(dir.checkpoints(), c, method, done, rng.state(), 3);
                }
            };
            return Loop.run(Loop.Phase.of("train", job, dir, manager, new Loop.Schedule(steps, 4, 2, 1000, 2))
                    .onNonFinite(policy).out(out));
        }
    }

    @Test
    void stopNamesTheStepAndTheTermAndLeavesTheLastGoodCheckpoint() throws Exception {
        assertThatThrownBy(() -> run(NonFinitePolicy.STOP, 12, 6, 1, false)).isInstanceOf(TrainingFailed.class)
                .hasMessageStartingWith("step 7: weight ").hasMessageContaining(" of G (sum NaN) is not finite; training stopped")
                .hasMessageContaining("step-00000006.ckpt is untouched").hasMessageContaining("--on-nonfinite rollback");
        assertThat(Checkpoint.newestStep(tmp.resolve("run/checkpoints"))).isEqualTo(6);
        assertThat(Checkpoint.read(tmp.resolve("run/checkpoints/step-00000006.ckpt")).header().step()).isEqualTo(6);
        assertThat(Files.readString(tmp.resolve("run/metrics.jsonl"))).doesNotContain("NaN").doesNotContain("\"step\":8");
    }

    @Test
    void aNonFiniteLossIsCaughtToo() {
        assertThatThrownBy(() -> run(NonFinitePolicy.STOP, 12, 2, 1, true)).isInstanceOf(TrainingFailed.class)
                .hasMessageStartingWith("step 3: loss term loss_d (Infinity) is not finite");
    }

    @Test
    void rollbackResumesFromTheLastCheckpointAtHalfTheLearningRateAndFinishes() throws Exception {
        Loop.Result r = run(NonFinitePolicy.ROLLBACK, 12, 6, 1, false);
        assertThat(log.toString()).contains("step 7: weight ").contains("rolled back to step 6 (step-00000006.ckpt), learning rate now x0.5");
        Checkpoint last = Checkpoint.read(r.checkpoint());
        assertThat(last.header().step()).isEqualTo(12);
        assertThat(last.header().learningRateScales()).containsOnly(Map.entry("D", 0.5), Map.entry("G", 0.5), Map.entry("E", 0.5));
        assertThat(Files.readString(tmp.resolve("run/metrics.jsonl"))).doesNotContain("NaN");
    }

    @Test
    void rollbackGivesUpWhenTheValueKeepsComingBack() {
        assertThatThrownBy(() -> run(NonFinitePolicy.ROLLBACK, 12, 6, 100, false)).isInstanceOf(TrainingFailed.class)
                .hasMessageContaining("training stopped after " + Loop.MAX_ROLLBACKS + " rollbacks");
        assertThat(log.toString()).contains("learning rate now x0.03125");
    }

    @Test
    void withoutACheckpointThereIsNothingToRollBackTo() {
        assertThatThrownBy(() -> run(NonFinitePolicy.ROLLBACK, 12, 0, 1, false)).isInstanceOf(TrainingFailed.class)
                .hasMessageContaining("there is no checkpoint yet");
    }
}
