package ganinv.cli;

import ai.djl.ndarray.NDManager;
import ganinv.checkpoint.Checkpoint;
import ganinv.train.RunDir;
import ganinv.train.TrainConfig;
import ganinv.objective.Methods;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real processes, really killed: {@code ganinv train} in a child JVM, stopped by SIGKILL at random
 * moments (and once by SIGINT), resumed each time; the run must end at its step count with a
 * checkpoint that loads.
 */
class KillAndResumeTest {
    private static final int STEPS = 3000;

    @TempDir
    Path tmp;

    private Path lastLog;

    private Process start(Path run, boolean resume, boolean force) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx1g", "-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=1", "-Dai.djl.pytorch.num_interop_threads=1",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path"), "ganinv.cli.Main",
                "train", "--out", run.toString()));
        if (resume) {
            cmd.add("--resume");
        } else {
            cmd.addAll(List.of("--method", "dlsgan", "--data", "shapes", "--resolution", "16", "--width", "8",
                    "--latent-dim", "8", "--batch", "4", "--steps", String.valueOf(STEPS), "--log-every", "50",
                    "--sample-every", "100000", "--checkpoint-every", "50"));
            if (force) {
                cmd.add("--force");
            }
        }
        lastLog = tmp.resolve("log-" + System.nanoTime() + ".txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(lastLog.toFile());
        pb.environment().put("OPT_OUT_TRACKING", "true");
        return pb.start();
    }

    private static long newestStep(Path run) throws Exception {
        return Checkpoint.newestStep(run.resolve("checkpoints"));
    }

    private static void signal(Process p, String signal) throws Exception {
        new ProcessBuilder("kill", "-" + signal, String.valueOf(p.pid())).start().waitFor();
    }

    /** Waits until the run has saved a checkpoint newer than {@code after} (so the process is mid-training), or has ended. */
    private static void awaitProgress(Process p, Path run, long after) throws Exception {
        while (p.isAlive() && newestStep(run) <= after) {
            Thread.sleep(50);
        }
    }

    @Test
    void sigkillAtRandomMomentsThenResumeAlwaysFinishesWithALoadableCheckpoint() throws Exception {
        Path run = tmp.resolve("run");
        Random random = new Random(20261123);
        int kills = 0;
        boolean sigint = false;
        int exit = -1;
        for (int attempt = 0; attempt < 12 && exit != 0; attempt++) {
            boolean resume = Files.isDirectory(run.resolve("checkpoints")) && newestStep(run) > 0;
            long before = resume ? newestStep(run) : 0;
            Process p = start(run, resume, !resume && Files.exists(run));
            if (kills < 4 || !sigint) {
                awaitProgress(p, run, before);
                Thread.sleep(random.nextInt(400));               // anywhere in a step, a log line or a checkpoint write
                if (p.isAlive()) {
                    if (kills >= 2 && !sigint) {
                        signal(p, "INT");                        // Ctrl-C: a checkpoint, then a clean exit
                        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
                        assertThat(Files.readString(lastLog)).contains("interrupted: step").doesNotContain("trained ");
                        assertThat(p.exitValue()).isEqualTo(130);
                        sigint = true;
                        continue;
                    }
                    signal(p, "KILL");
                    kills++;
                }
            }
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            exit = p.exitValue();
        }
        System.out.println("KillAndResumeTest: " + kills + " SIGKILLs and " + (sigint ? 1 : 0) + " SIGINT survived");
        assertThat(kills).as("processes killed mid-run").isGreaterThanOrEqualTo(3);
        assertThat(sigint).as("a SIGINT that wrote a checkpoint").isTrue();
        assertThat(exit).isZero();
        assertThat(newestStep(run)).isEqualTo(STEPS);
        Checkpoint last = Checkpoint.read(Checkpoint.newest(run.resolve("checkpoints")).orElseThrow());
        try (NDManager m = NDManager.newBaseManager()) {
            TrainConfig c = RunDir.existing(run).readConfig();
            last.restoreInto(Methods.create(c.method(), c.net(), c.prior(), c.options(), m));
        }
        assertThat(Files.readAllLines(run.resolve("metrics.jsonl"))).last().asString().startsWith("{\"step\":" + STEPS + ",");
    }
}
