package ganinv.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The device seam: every engine manager is made on the device asked for, the whole pipeline runs
 * with an explicit --device cpu, and a GPU the engine does not have is one line, before anything
 * is written.
 */
class DeviceTest extends CommandTestBase {
    private static final Pattern IMPLICIT = Pattern.compile("newBaseManager\\(\\)|Device\\.(cpu|gpu)\\(");

    @Test
    void noCodeMakesAnArrayOnAnImplicitDevice() throws IOException {
        List<String> found = new ArrayList<>();
        int scanned = 0;
        for (String module : List.of("../core", "../cli", "../spark")) {
            try (Stream<Path> files = Files.walk(Path.of(module, "src/main/java"))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                    scanned++;
                    if (f.endsWith(Path.of("ganinv/model/Devices.java"))) {
                        continue;                                   // the one place that names a device
                    }
                    List<String> lines = Files.readAllLines(f);
                    for (int i = 0; i < lines.size(); i++) {
                        if (IMPLICIT.matcher(lines.get(i)).find()) {
                            found.add(f + ":" + (i + 1) + ": " + lines.get(i).strip());
                        }
                    }
                }
            }
        }
        assertThat(scanned).isGreaterThan(150);
        assertThat(found).isEmpty();
        assertThat(IMPLICIT.matcher("try (NDManager m = NDManager.newBaseManager()) {").find()).isTrue();
        assertThat(IMPLICIT.matcher("NDManager.newBaseManager(device)").find()).isFalse();
    }

    @Test
    void theWholePipelineOnAnExplicitCpuAndAMissingGpuRefusedInOneLine() throws Exception {
        Path run = tmp.resolve("run");
        assertThat(run(train("--out", run.toString(), "--steps", "4", "--device", "cpu"))).as(err.toString()).isZero();
        Path images = tmp.resolve("samples");
        assertThat(run("sample", "--run", run.toString(), "--count", "4", "--out", images.toString(), "--device", "cpu"))
                .as(err.toString()).isZero();
        assertThat(run("invert", "--run", run.toString(), "--images", images.toString(), "--mode", "hybrid", "--steps", "2",
                "--out", tmp.resolve("inv").toString(), "--device", "cpu")).as(err.toString()).isZero();
        assertThat(run("evaluate", "--run", run.toString(), "--data", "shapes", "--count", "12", "--json",
                tmp.resolve("e.json").toString(), "--device", "cpu")).as(err.toString()).isZero();
        assertThat(new ObjectMapper().readTree(tmp.resolve("e.json").toFile()).path("fid").isNumber()).isTrue();

        // This engine is libtorch for the CPU: a GPU is refused naming the flag and the fix, nothing written.
        Path never = tmp.resolve("never");
        assertOneLineError(run(train("--out", never.toString(), "--steps", "2", "--device", "gpu")), "--device gpu");
        assertThat(err.toString()).contains("CUDA").contains("README");
        assertThat(never).doesNotExist();
        assertOneLineError(run("sample", "--run", run.toString(), "--out", tmp.resolve("s2").toString(), "--device", "gpu:1"),
                "--device gpu:1");
        assertThat(tmp.resolve("s2")).doesNotExist();
        assertOneLineError(run("invert", "--run", run.toString(), "--images", images.toString(), "--out",
                tmp.resolve("i2").toString(), "--device", "tpu"), "--device tpu: choose cpu, gpu or gpu:N");
    }
}
