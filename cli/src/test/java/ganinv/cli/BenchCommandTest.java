package ganinv.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code bench} as scripts read it: the report lines, a last line 'images/s: N', and one-line errors. */
class BenchCommandTest {
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        var cl = Main.commandLine();
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private String stdout(String... args) {
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        java.io.PrintStream old = System.out;
        System.setOut(new java.io.PrintStream(buffer, true));
        try {
            assertThat(run(args)).as(err.toString()).isZero();
        } finally {
            System.setOut(old);
        }
        return buffer.toString();
    }

    @Test
    void trainPrintsParametersFlopsAndImagesPerSecondLast() {
        int before = ai.djl.pytorch.jni.JniUtils.getNumThreads();
        String out;
        try {
            out = stdout("bench", "train", "--resolution", "8", "--width", "4", "--latent-dim", "4", "--batch", "2",
                    "--steps", "2", "--warmup", "1", "--threads", "1");
        } finally {
            ai.djl.pytorch.jni.JniUtils.setNumThreads(before);      // the rest of the suite keeps its threads
        }
        assertThat(out).contains("G parameters: ").contains("D parameters: ").contains("GFLOP/s: ").contains("RSS MiB: ")
                .contains("1 threads").contains("cpu: ").containsPattern("fp32 BLAS rate \\(1024x1024 products, 1 threads\\): [0-9.]+ GFLOP/s")
                .containsPattern("fp32 FMA peak, estimated: 1 cores x [0-9]+ FLOP/cycle x [0-9.]+ GHz = [0-9.]+ GFLOP/s")
                .containsPattern("GFLOP/s: [0-9.]+ \\([0-9]+% of the BLAS rate, [0-9]+% of the FMA peak\\)")
                // where the step's memory goes (NaN where malloc has no counters: not glibc 2.33+, not tcmalloc)
                .containsPattern("peak RSS MiB: [0-9.]+ \\(VmHWM, as /usr/bin/time reports it\\); [0-9.]+ before any network \\(the JVM, libtorch\\); malloc: (glibc|tcmalloc|unknown)")
                .containsPattern("step memory MiB: weights, gradients and Adam [0-9.]+; native heap between steps [-0-9.NaN]+; "
                        + "kept for backward D [-0-9.NaN]+( \\(R1's graph [-0-9.NaN]+\\))?, G [-0-9.NaN]+; transient and allocator slack [-0-9.NaN]+");
        String[] lines = out.strip().split("\\R");
        assertThat(lines[lines.length - 1]).matches("images/s: [0-9.]+");
    }

    @Test
    void invertPrintsImagesPerSecondLast() {
        String out = stdout("bench", "invert", "--mode", "optimize", "--resolution", "8", "--width", "4",
                "--latent-dim", "4", "--batch", "2", "--steps", "2", "--warmup", "0");
        assertThat(out).contains("image-steps");
        String[] lines = out.strip().split("\\R");
        assertThat(lines[lines.length - 1]).matches("images/s: [0-9.]+");
    }

    @Test
    void dataTimesTheBatchesTheLoopFetches() {
        String out = stdout("bench", "data", "--data", "shapes", "--resolution", "16", "--batch", "4", "--batches", "5");
        assertThat(out).contains("source: -1 images").contains("RSS: ").containsPattern("ms/batch: [0-9.]+");
        String[] lines = out.strip().split("\\R");
        assertThat(lines[lines.length - 1]).matches("images/s: [0-9.]+");
        assertThat(run("bench", "data", "--data", "/no/such/folder")).isEqualTo(2);
    }

    @Test
    void badInputIsOneLineWithExitCode2() {
        assertThat(run("bench")).isEqualTo(2);
        assertThat(run("bench", "train", "--batch", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--batch 0");
        assertThat(run("bench", "train", "--threads", "-1")).isEqualTo(2);
        assertThat(run("bench", "invert", "--method", "gan")).isEqualTo(2);
        assertThat(err.toString()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
