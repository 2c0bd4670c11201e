package ganinv.cli;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The launcher's own checks, which run before it builds or starts anything. */
class LauncherTest {
    private static final Path LAUNCHER = Path.of("..", "ganinv").toAbsolutePath().normalize();

    @Test
    void anUnknownAllocatorIsOneLineAndExit2BeforeAnythingIsBuilt() throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", LAUNCHER.toString(), "--version");
        pb.environment().put("GANINV_ALLOCATOR", "jemalloc");
        pb.redirectOutput(ProcessBuilder.Redirect.to(new File("/dev/null")));
        Process p = pb.start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(err.strip()).isEqualTo("ganinv: GANINV_ALLOCATOR=jemalloc: use auto, tcmalloc or glibc");
    }
}
