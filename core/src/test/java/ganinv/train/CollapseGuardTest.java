package ganinv.train;

import ganinv.api.types.Method;
import ganinv.api.types.LatentDistribution;
import ganinv.api.types.BadInputException;
import ganinv.api.types.CollapsePolicy;
import ganinv.api.types.NonFinitePolicy;
import ganinv.checkpoint.Checkpoint;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import ganinv.UserError;
import ganinv.data.Dataset;
import ganinv.data.Subset;
import ganinv.model.NetConfig;
import ganinv.objective.GanMethod;
import ganinv.objective.MethodOptions;
import ganinv.objective.Methods;
import ganinv.data.JsonFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** --on-collapse: the rule by hand, then what a restart does to the run folder and to a resume. */
class CollapseGuardTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(log, true);

    @Test
    void firesWhenTheMeanOfTheLastWindowStepsFallsBelowTheThreshold() {
        CollapseGuard.Watch w = new CollapseGuard(CollapsePolicy.RESTART, 3, 0.5, 7, 1).watch();
        assertThat(w.add(1, Map.of("loss_d_adv", 0.1))).isEmpty();        // the window is not full yet
        assertThat(w.add(2, Map.of("loss_d_adv", 0.1))).isEmpty();
        assertThat(w.add(3, Map.of("loss_d_adv", 1.6))).isEmpty();        // (0.1 + 0.1 + 1.6) / 3 = 0.6
        assertThat(w.add(4, Map.of("loss_d_adv", 0.2))).isEmpty();        // (0.1 + 1.6 + 0.2) / 3 = 0.633
        assertThat(w.add(5, Map.of("loss_d_adv", Double.NaN))).isEmpty(); // skipped: --on-nonfinite's business
        assertThat(w.add(6, Map.of("loss_d_adv", 0.1))).isEmpty();        // (1.6 + 0.2 + 0.1) / 3 = 0.633
        assertThat(w.add(7, Map.of("loss_d_adv", 0.1)).getAsDouble()).isCloseTo((0.2 + 0.1 + 0.1) / 3, within(1e-12));
        assertThat(w.add(8, Map.of("loss_d_adv", 0.0))).isEmpty();        // past lastStep: never checked
    }

    @Test
    void watchesLossDWhereThereIsNoAdversarialTermAndNothingWhereThereIsNoD() {
        CollapseGuard rule = new CollapseGuard(CollapsePolicy.RESTART, 1, 0.5, 10, 1);
        assertThat(rule.watch().add(1, Map.of("loss_d", 0.2, "loss_g_adv", 5.0)).getAsDouble()).isEqualTo(0.2);
        assertThat(rule.watch().add(1, Map.of("loss_encoder", 0.0))).isEmpty();
        CollapseGuard off = new CollapseGuard(CollapsePolicy.OFF, 1, 0.5, 10, 1);
        assertThat(off.watch().add(1, Map.of("loss_d", 0.0))).isEmpty();
        assertThatThrownBy(() -> CollapsePolicy.parse("retry")).isInstanceOf(BadInputException.class)
                .hasMessage("--on-collapse retry: choose one of restart, stop, off");
    }

    /** A metrics line every step, a checkpoint every 2. */
    private static TrainConfig config(int steps) {
        return new TrainConfig(Method.LATENT_REGRESSION, "shapes", 64, Subset.RANDOM, steps, 4, new NetConfig(16, 3, 8, 8), LatentDistribution.NORMAL,
                new MethodOptions(1, true, 1e-3, 0.5, 0.99), 5, 1, 1000, 2);
    }

    /** How many draws take SplitMix64 from {@code seed} to {@code state}: (state − seed)·γ⁻¹ mod 2⁶⁴. */
    static long draws(long state, long seed) {
        long gamma = 0x9E3779B97F4A7C15L;
        long inverse = gamma;                      // Newton: each step doubles the correct low bits
        for (int i = 0; i < 6; i++) {
            inverse *= 2 - gamma * inverse;
        }
        return (state - seed) * inverse;
    }

    private void train(Path run, int steps, boolean resume, CollapseGuard guard) {
        TrainConfig c = config(steps);
        Dataset data = c.openData(out);
        Trainer.run(Trainer.Request.of(c, data, RunDir.forTraining(run, resume, false), resume, out)
                .safety(new Safety(3, NonFinitePolicy.STOP, guard)));
    }

    @Test
    void aGuardThatDoesNotFireLeavesTrainingBitwiseUnchanged() throws Exception {
        train(tmp.resolve("off"), 6, false, CollapseGuard.of(CollapsePolicy.OFF));
        train(tmp.resolve("on"), 6, false, new CollapseGuard(CollapsePolicy.RESTART, 2, 1e-9, 6, 3));
        try (NDManager m = NDManager.newBaseManager()) {
            TrainConfig c = config(1);
            GanMethod a = Methods.create(c.method(), c.net(), c.prior(), c.options(), m);
            GanMethod b = Methods.create(c.method(), c.net(), c.prior(), c.options(), m);
            Checkpoint.read(tmp.resolve("off/checkpoints/step-00000006.ckpt")).restoreInto(a);
            Checkpoint.read(tmp.resolve("on/checkpoints/step-00000006.ckpt")).restoreInto(b);
            TrainerTest.assertBitwiseEqual(a, b);
        }
        assertThat(JsonFiles.MAPPER.readTree(tmp.resolve("on/config.json").toFile()).has(RunDir.COLLAPSE_RESTARTS)).isFalse();
    }

    @Test
    void stopEndsWithOneLineNamingTheWayOn() {
        Path run = tmp.resolve("stop");
        assertThatThrownBy(() -> train(run, 8, false, new CollapseGuard(CollapsePolicy.STOP, 3, 100, 3, 3)))
                .isInstanceOf(TrainingFailed.class)
                .hasMessageStartingWith("step 3: D has won (loss_d averaged ")
                .hasMessageEndingWith("start again with another --seed, or with --on-collapse restart")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(run.resolve("samples/step-00000003.png")).as("the grid G drew as it died").exists();
    }

    /** A guard that fires in every attempt: each restart clears the attempt's files and reseeds, then the limit stops it. */
    @Test
    void restartsReseedClearTheAttemptRecordThemAndSurviveAResume() throws Exception {
        Path run = tmp.resolve("restart");
        CollapseGuard always = new CollapseGuard(CollapsePolicy.RESTART, 3, 100, 3, 2);
        assertThatThrownBy(() -> train(run, 8, false, always)).isInstanceOf(TrainingFailed.class)
                .hasMessageContaining("training stopped after 2 restarts");
        assertThat(log.toString()).contains("restarting from fresh weights (attempt 2 of 3, weights and latents from seed 1000008)")
                .contains("(attempt 3 of 3, weights and latents from seed 2000011)");
        JsonNode restarts = JsonFiles.MAPPER.readTree(run.resolve("config.json").toFile()).get(RunDir.COLLAPSE_RESTARTS);
        assertThat(restarts).hasSize(2);
        assertThat(restarts.get(0).get("step").asLong()).isEqualTo(3);
        assertThat(restarts.get(1).get("init_seed").asLong()).isEqualTo(5 + 2 * 1_000_003L);
        // Only the last attempt's files: its metrics of steps 1 and 2 (step 3 fired before it was logged), its checkpoint.
        assertThat(Files.readAllLines(run.resolve("metrics.jsonl"))).hasSize(2);
        assertThat(run.resolve("checkpoints/step-00000002.ckpt")).exists();

        // The checkpoint left is the third attempt's own: its generator's state is seed initSeed(5, 2)
        // advanced by a few thousand draws (SplitMix64 adds one odd constant per draw), and its
        // weights are not those of an undisturbed run of seed 5.
        train(tmp.resolve("undisturbed"), 2, false, CollapseGuard.of(CollapsePolicy.OFF));
        Checkpoint third = Checkpoint.read(run.resolve("checkpoints/step-00000002.ckpt"));
        Checkpoint plain = Checkpoint.read(tmp.resolve("undisturbed/checkpoints/step-00000002.ckpt"));
        assertThat(draws(third.header().rngState(), Trainer.initSeed(5, 2))).isBetween(1L, 100_000L);
        assertThat(draws(plain.header().rngState(), 5)).isBetween(1L, 100_000L);
        long fromRunSeed = draws(third.header().rngState(), 5);
        assertThat(fromRunSeed < 0 || fromRunSeed > 100_000L).as("not drawn from the run's own seed: %d", fromRunSeed).isTrue();
        try (NDManager m = NDManager.newBaseManager()) {
            TrainConfig c = config(2);
            GanMethod a = Methods.create(c.method(), c.net(), c.prior(), c.options(), m);
            GanMethod b = Methods.create(c.method(), c.net(), c.prior(), c.options(), m);
            third.restoreInto(a);
            plain.restoreInto(b);
            assertThat(a.networks().get("G").weights().values().iterator().next().toFloatArray())
                    .isNotEqualTo(b.networks().get("G").weights().values().iterator().next().toFloatArray());
        }

        log.reset();
        train(run, 8, true, CollapseGuard.of(CollapsePolicy.OFF));
        assertThat(log.toString()).contains("at step 2 of 8");
        assertThat(run.resolve("checkpoints/step-00000008.ckpt")).exists();
        assertThat(JsonFiles.MAPPER.readTree(run.resolve("config.json").toFile()).get(RunDir.COLLAPSE_RESTARTS)).hasSize(2);
    }
}
