package ganinv.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the command-line tests share: a console that captures output, a tiny network, one-line errors. */
abstract class CommandTestBase {
    @TempDir
    Path tmp;

    Console console;
    ByteArrayOutputStream out;
    ByteArrayOutputStream err;

    @BeforeEach
    void capture() {
        console = new Console();
        out = console.out;
        err = console.err;
    }

    @AfterEach
    void restore() {
        console.close();
    }

    int run(String... args) {
        return console.run(args);
    }

    static final String[] TINY = {"--resolution", "16", "--width", "8", "--latent-dim", "8", "--batch", "4",
            "--log-every", "10", "--sample-every", "10", "--checkpoint-every", "10"};

    /** {@code train} on shapes with the tiny network, {@code extra} replacing any default it sets again. */
    String[] train(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("train"));
        String[] defaults = new String[TINY.length + 1];
        defaults[0] = "--data=shapes";
        System.arraycopy(TINY, 0, defaults, 1, TINY.length);
        args.addAll(Console.withDefaults(defaults, extra));
        return args.toArray(String[]::new);
    }

    void assertOneLineError(int code, String expected) {
        String text = err.toString().strip();
        assertThat(code).as(text).isEqualTo(2);
        assertThat(text).startsWith("error: ").contains(expected).doesNotContain("\n").doesNotContain("at ganinv.");
    }

    static JsonNode lastLine(Path file) throws Exception {
        var lines = Files.readAllLines(file);
        return new ObjectMapper().readTree(lines.get(lines.size() - 1));
    }
}
