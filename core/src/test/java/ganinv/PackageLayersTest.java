package ganinv;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The core's packages form layers: no package reaches, through any chain of references, back to itself. */
class PackageLayersTest {
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern REFERENCE = Pattern.compile("\\bganinv\\.((?:[a-z]+\\.)*[a-z]+)\\.[A-Z]");

    /** Package -> the ganinv packages its sources name, by import or fully qualified. */
    static Map<String, Set<String>> references(Path sources) throws IOException {
        Map<String, Set<String>> deps = new TreeMap<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String src = Files.readString(f);
                Matcher p = PACKAGE.matcher(src);
                if (!p.find()) {
                    continue;
                }
                Set<String> to = deps.computeIfAbsent(p.group(1), k -> new TreeSet<>());
                Matcher r = REFERENCE.matcher(src);
                while (r.find()) {
                    String target = "ganinv." + r.group(1);
                    if (!target.equals(p.group(1))) {
                        to.add(target);
                    }
                }
            }
        }
        return deps;
    }

    /** Each package that reaches itself, with the first step of one such chain. */
    static List<String> cycles(Map<String, Set<String>> deps) {
        List<String> found = new ArrayList<>();
        for (String start : deps.keySet()) {
            for (String first : deps.get(start)) {
                if (reaches(deps, first, start, new TreeSet<>())) {
                    found.add(start + " -> " + first + " -> ... -> " + start);
                }
            }
        }
        return found;
    }

    private static boolean reaches(Map<String, Set<String>> deps, String from, String target, Set<String> seen) {
        if (from.equals(target)) {
            return true;
        }
        if (!seen.add(from)) {
            return false;
        }
        return deps.getOrDefault(from, Set.of()).stream().anyMatch(n -> reaches(deps, n, target, seen));
    }

    @Test
    void theCoreHasNoPackageCycle() throws IOException {
        Map<String, Set<String>> deps = references(Path.of("src/main/java"));
        assertThat(deps).containsKeys("ganinv.api", "ganinv.train", "ganinv.metrics", "ganinv.random", "ganinv.checkpoint");
        assertThat(cycles(deps)).isEmpty();
        assertThat(deps.get("ganinv.metrics")).doesNotContain("ganinv.train", "ganinv.api");
        for (String low : List.of("ganinv.data", "ganinv.invert", "ganinv.edit", "ganinv.metrics")) {
            assertThat(deps.get(low)).as(low).doesNotContain("ganinv.train");
        }
    }

    @Test
    void theCheckFindsACycle() {
        Map<String, Set<String>> deps = new TreeMap<>(Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a")));
        assertThat(cycles(deps)).hasSize(3);
        assertThat(cycles(Map.of("a", Set.of("b"), "b", Set.of()))).isEmpty();
    }

    @Test
    void settingsAreDefinedOnceBelowEveryOtherPackage() throws IOException {
        Map<String, Set<String>> deps = references(Path.of("src/main/java"));
        assertThat(deps.get("ganinv.api.types")).as("ganinv.api.types reaches no other package").isEmpty();
        Map<String, Set<String>> enums = enums(Path.of("src/main/java"));
        List<String> settings = enums.keySet().stream().filter(n -> n.startsWith("ganinv.api.types.")).toList();
        assertThat(settings).hasSizeGreaterThanOrEqualTo(12);
        List<String> twice = new ArrayList<>();
        for (String setting : settings) {
            enums.forEach((name, constants) -> {
                if (!name.startsWith("ganinv.api.types.") && constants.equals(enums.get(setting))) {
                    twice.add(name + " repeats " + setting);
                }
            });
        }
        assertThat(twice).isEmpty();
    }

    @Test
    void theCheckFindsASettingWrittenTwice() {
        String nested = "package ganinv.train;\npublic record Guard(int w) {\n    public enum Policy {\n        RESTART, STOP, OFF;\n    }\n}";
        String api = "package ganinv.api.types;\npublic enum CollapsePolicy {\n    RESTART(\"restart\"),\n    STOP(\"stop\"),\n    OFF(\"off\");\n}";
        assertThat(enumsIn(nested)).containsEntry("ganinv.train.Policy", Set.of("RESTART", "STOP", "OFF"));
        assertThat(enumsIn(api)).containsEntry("ganinv.api.types.CollapsePolicy", Set.of("RESTART", "STOP", "OFF"));
    }

    private static final Pattern ENUM = Pattern.compile("\\benum (\\w+)\\s*\\{([^;}]*)[;}]");
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

    /** package.EnumName -> its constants, for every enum declared in the sources. */
    static Map<String, Set<String>> enums(Path sources) throws IOException {
        Map<String, Set<String>> found = new TreeMap<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                found.putAll(enumsIn(Files.readString(f)));
            }
        }
        return found;
    }

    static Map<String, Set<String>> enumsIn(String source) {
        String src = COMMENT.matcher(source).replaceAll(" ");
        Map<String, Set<String>> found = new TreeMap<>();
        Matcher p = PACKAGE.matcher(src);
        String pkg = p.find() ? p.group(1) : "";
        Matcher e = ENUM.matcher(src);
        while (e.find()) {
            Set<String> constants = new TreeSet<>();
            for (String c : e.group(2).replaceAll("\\([^)]*\\)", "").split(",")) {
                if (!c.isBlank()) {
                    constants.add(c.strip());
                }
            }
            found.put(pkg + "." + e.group(1), constants);
        }
        return found;
    }
}
