package ganinv.cli;

import ganinv.data.ImageCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad files, bad folders and bad flags, as a user meets them: each gets one line naming the file
 * or flag, exit code 2, no stack trace, and nothing already on disk changes.
 */
class HostileInputsTest {
    private static final String[] TINY = {"--resolution", "16", "--width", "4", "--latent-dim", "4", "--batch", "2",
            "--log-every", "5", "--sample-every", "1000", "--checkpoint-every", "5"};

    @TempDir
    Path tmp;

    private final StringWriter err = new StringWriter();
    private int tried;

    @AfterEach
    void report() {
        System.out.println("hostile inputs tried: " + tried);
    }

    private int run(String... args) {
        err.getBuffer().setLength(0);
        var cl = Main.commandLine();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        java.io.PrintStream old = System.out;
        System.setOut(new java.io.PrintStream(new java.io.ByteArrayOutputStream(), true));
        try {
            return cl.execute(args);
        } finally {
            System.setOut(old);
        }
    }

    private String[] train(Path out, String... extra) {
        List<String> a = new ArrayList<>(List.of("train", "--out", out.toString()));
        a.addAll(Console.withDefaults(TINY, extra));
        return a.toArray(String[]::new);
    }

    /** One line, exit 2, naming {@code expected}; {@code out} never created. */
    private void refused(String expected, Path out, String... args) {
        tried++;
        int code = run(args);
        String text = err.toString().strip();
        assertThat(code).as(text).isEqualTo(2);
        assertThat(text).startsWith("error: ").contains(expected).doesNotContain("\n").doesNotContain("Exception")
                .doesNotContain("\tat ");
        if (out != null) {
            assertThat(out).as("nothing written for a refused command").doesNotExist();
        }
    }

    private Path folderWith(String name, byte[] bytes) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("data-" + tried + "-" + name.replace('.', '-')));
        Files.write(dir.resolve(name), bytes);
        return dir;
    }

    private byte[] png() throws Exception {
        Path p = tmp.resolve("ok.png");
        ImageCodec.writePng(new byte[3 * 8 * 8], 3, 8, 8, p);
        return Files.readAllBytes(p);
    }

    @Test
    void badDataFiles() throws Exception {
        Path out = tmp.resolve("never");
        byte[] png = png();
        refused("could be read", out, train(out, "--data", folderWith("zero.png", new byte[0]).toString()));
        refused("could be read", out, train(out, "--data", folderWith("half.png", Arrays.copyOf(png, png.length / 2)).toString()));
        refused("could be read", out, train(out, "--data", folderWith("noise.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3}).toString()));
        refused("no PNG or JPEG", out, train(out, "--data", Files.createDirectories(tmp.resolve("empty")).toString()));
        Path wrongMagic = Files.write(tmp.resolve("a-images-idx3-ubyte"), new byte[] {7, 7, 8, 3, 0, 0, 0, 1});
        refused("magic", out, train(out, "--data", wrongMagic.toString()));
        byte[] header = {0, 0, 8, 3, 0, 0, 0, 10, 0, 0, 0, 8, 0, 0, 0, 8};          // 10 images of 8x8 promised, 1 given
        byte[] shortIdx = Arrays.copyOf(header, header.length + 64);
        Path truncated = Files.write(tmp.resolve("b-images-idx3-ubyte"), shortIdx);
        refused("b-images-idx3-ubyte", out, train(out, "--data", truncated.toString()));
        Path cifar = Files.createDirectories(tmp.resolve("cifar"));
        Files.write(cifar.resolve("data_batch_1.bin"), new byte[3073 + 1]);
        refused("3073", out, train(out, "--data", "cifar10:" + cifar));
        refused("no such file or folder", out, train(out, "--data", tmp.resolve("missing").toString()));
    }

    @Test
    void badFlags() {
        Path out = tmp.resolve("never");
        refused("--steps -1", out, train(out, "--steps", "-1"));
        refused("--resolution 24", out, train(out, "--resolution", "24"));
        refused("--latent-dim 0", out, train(out, "--latent-dim", "0"));
        refused("--batch 0", out, train(out, "--batch", "0"));
        refused("--keep-checkpoints 0", out, train(out, "--keep-checkpoints", "0"));
        refused("--on-nonfinite sometimes", out, train(out, "--on-nonfinite", "sometimes"));
        refused("--g-output sigmoid: choose one of tanh, linear", out, train(out, "--g-output", "sigmoid"));
        refused("--g-output: applies only to --arch dcgan-up", out, train(out, "--arch", "stylegan2", "--g-output", "tanh"));
        refused("--on-collapse retry: choose one of restart, stop, off", out, train(out, "--on-collapse", "retry"));
        refused("--r1-weight", out, train(out, "--method", "gan", "--r1-weight", "5"));   // a DLSGAN flag on another method
        // The old --r1 (gamma of gamma/2) is refused with the conversion, never silently read as lambda_r1.
        refused("use --r1-weight 5.0 for the same strength", out, train(out, "--method", "dlsgan", "--r1", "10"));
        refused("should be specified only once", out, train(out, "--steps", "10", "--steps", "20"));
        refused("--lr", out, train(out, "--lr", "-0.1"));
    }

    /** A flag that cannot change mid-run, typed with --resume, is refused before anything changes. */
    @Test
    void aResumeRefusesWhatItCannotChange() throws Exception {
        Path a = tmp.resolve("resumed");
        assertThat(run(train(a, "--steps", "4", "--method", "gan", "--resolution", "16", "--width", "8"))).isZero();
        String config = Files.readString(a.resolve("config.json"));
        refused("--method dlsgan: the run was made with gan and a resumed run keeps it; with --resume only --steps, --lr,", null,
                "train", "--out", a.toString(), "--resume", "--steps", "8", "--method", "dlsgan");
        refused("--width 16: the run was made with 8", null, "train", "--out", a.toString(), "--resume", "--width", "16");
        refused("--force: a resumed run keeps", null, "train", "--out", a.toString(), "--resume", "--force");
        refused("--r1: a resumed run keeps", null, "train", "--out", a.toString(), "--resume", "--r1", "10");
        assertThat(a.resolve("config.json")).hasContent(config);
        // The command that made the run, with --resume added, continues it: its values are the saved ones.
        assertThat(run(train(a, "--steps", "6", "--method", "gan", "--resolution", "16", "--width", "8", "--resume", "--lr",
                "0.0001"))).as(err.toString()).isZero();
        // Nor may a command write into what the run owns (train rewrites it, train --force deletes it).
        refused("which the run " + a + " owns", a.resolve("samples/more"), "sample", "--run", a.toString(), "--count", "2",
                "--out", a.resolve("samples/more").toString());
        refused("write elsewhere, e.g. " + a.resolve("checkpoints-out"), null, "traverse", "--run", a.toString(), "--out",
                a.resolve("checkpoints/t.png").toString());
        assertThat(run("sample", "--run", a.toString(), "--count", "2", "--out", a.resolve("samples-2").toString()))
                .as(err.toString()).isZero();
        // A folder that merely holds a config.json is no run: its samples/ is the user's.
        Path project = Files.createDirectories(tmp.resolve("project"));
        Files.writeString(project.resolve("config.json"), "{}");
        assertThat(run("sample", "--run", a.toString(), "--count", "2", "--out", project.resolve("samples").toString()))
                .as(err.toString()).isZero();
        assertThat(Files.readString(a.resolve("config.json"))).contains("\"resume_changes\"").contains("\"--lr\"");
    }

    @Test
    void checkpointsFromElsewhereAndUnwritableOutput() throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        Path c = tmp.resolve("c");
        assertThat(run(train(a, "--steps", "5"))).isZero();
        assertThat(run(train(b, "--steps", "5", "--width", "8"))).isZero();               // another architecture
        assertThat(run(train(c, "--steps", "5", "--method", "gan"))).isZero();            // another method
        byte[] before = Files.readAllBytes(a.resolve("checkpoints/step-00000005.ckpt"));
        Files.copy(b.resolve("checkpoints/step-00000005.ckpt"), a.resolve("checkpoints/step-00000006.ckpt"));
        refused("step-00000006.ckpt: checkpoint does not match", null, "train", "--out", a.toString(), "--resume", "--steps", "10");
        Files.copy(c.resolve("checkpoints/step-00000005.ckpt"), a.resolve("checkpoints/step-00000006.ckpt"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        refused("another method or architecture", null, "train", "--out", a.toString(), "--resume", "--steps", "10");
        assertThat(a.resolve("checkpoints/step-00000005.ckpt")).hasBinaryContent(before);

        // A config.json with a field this version does not know (a newer ganinv's run): one line, nothing changed.
        String config = Files.readString(a.resolve("config.json"));
        Files.writeString(a.resolve("config.json"), config.replace("\"method\"", "\"fromTheFuture\": 1, \"method\""));
        refused("config.json: unreadable run configuration", null, "train", "--out", a.toString(), "--resume", "--steps", "10");
        assertThat(a.resolve("checkpoints/step-00000005.ckpt")).hasBinaryContent(before);

        Path file = Files.writeString(tmp.resolve("a-file"), "not a folder");
        refused("a-file", null, train(file.resolve("run"), "--steps", "2"));
        assertThat(file).hasContent("not a folder");
    }

    /** A full disk, made real for a child process with a file-size limit: the write fails, the earlier checkpoint stays. */
    @Test
    void aFullDiskStopsWithOneLineAndKeepsTheEarlierCheckpoint() throws Exception {
        Path run = tmp.resolve("full");
        String java = ProcessHandle.current().info().command().orElse("java");
        String cmd = "ulimit -f 40; exec '" + java + "' -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1"
                + " -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp '" + System.getProperty("java.class.path") + "'"
                + " ganinv.cli.Main train --out '" + run + "' --resolution 16 --width 16 --latent-dim 8 --batch 2"
                + " --steps 20 --checkpoint-every 5 --sample-every 1000 --log-every 5";
        // Checkpoints of this network are about 38 KB: the limit of 40 KiB lets one be written, not two side by side.
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", cmd).redirectErrorStream(true);
        pb.environment().put("OPT_OUT_TRACKING", "true");
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        tried++;
        String last = output.strip().lines().reduce((x, y) -> y).orElse("");
        assertThat(p.exitValue()).as(output).isEqualTo(2);
        assertThat(last).startsWith("error: cannot write").contains("continue with --resume");
        assertThat(output).doesNotContain("\tat ");
        try (var files = Files.list(run.resolve("checkpoints"))) {
            List<String> names = files.map(f -> f.getFileName().toString()).toList();
            assertThat(names).noneMatch(n -> n.endsWith(".tmp"));
            for (String n : names) {
                ganinv.checkpoint.Checkpoint.read(run.resolve("checkpoints").resolve(n));     // every one left is whole
            }
        }
    }
}
