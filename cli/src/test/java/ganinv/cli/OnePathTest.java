package ganinv.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One path: the commands, the reports and the server reach the library through ganinv.api only,
 * so what the command line does and what a Java caller gets cannot drift apart. The benchmarks
 * (they time the internals themselves) are the exception.
 */
class OnePathTest {
    private static final Path CLI = Path.of("src/main/java/ganinv");
    private static final Path CORE = Path.of("../core/src/main/java/ganinv");
    private static final Pattern REFERENCE = Pattern.compile("\\bganinv\\.([A-Za-z]\\w*)");

    @Test
    void noCommandReportOrServerReachesPastTheApi() throws IOException {
        List<String> internal = corePackagesAndClasses();
        assertThat(internal).contains("train", "model", "data", "UserError").doesNotContain("api");
        List<String> offences = new ArrayList<>();
        int scanned = 0;
        for (String pkg : List.of("cli", "report", "serve")) {
            try (Stream<Path> files = Files.list(CLI.resolve(pkg))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                    String name = f.getFileName().toString();
                    if (name.startsWith("Bench")) {
                        continue;
                    }
                    offences.addAll(offences(f, internal));
                    scanned++;
                }
            }
        }
        assertThat(scanned).as("files scanned").isGreaterThan(30);
        assertThat(offences).isEmpty();
    }

    @Test
    void theScanFindsAnInternalReference() {
        List<String> internal = List.of("train", "UserError");
        assertThat(find("import ganinv.train.TrainedRun;\nimport ganinv.api.GanRun;", internal)).containsExactly("ganinv.train");
        assertThat(find("throw new ganinv.UserError(\"x\");", internal)).containsExactly("ganinv.UserError");
        assertThat(find("import ganinv.api.GanRun; // ganinv.cli", internal)).isEmpty();
    }

    private static List<String> offences(Path file, List<String> internal) throws IOException {
        return find(Files.readString(file), internal).stream().map(r -> file + ": " + r).toList();
    }

    private static List<String> find(String source, List<String> internal) {
        List<String> found = new ArrayList<>();
        Matcher m = REFERENCE.matcher(source);
        while (m.find()) {
            if (internal.contains(m.group(1))) {
                found.add(m.group());
            }
        }
        return found;
    }

    /** Every package of ganinv-core but ganinv.api, and the classes of its root package. */
    private static List<String> corePackagesAndClasses() throws IOException {
        try (Stream<Path> entries = Files.list(CORE)) {
            return entries.map(p -> p.getFileName().toString().replaceFirst("\\.java$", ""))
                    .filter(n -> !n.equals("api")).sorted().toList();
        }
    }
}
