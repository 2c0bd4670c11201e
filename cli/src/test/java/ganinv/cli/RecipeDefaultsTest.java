package ganinv.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import ganinv.api.Recipe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** One default recipe: train, demo, compare and the API state the same method and network, from one place. */
class RecipeDefaultsTest {
    @TempDir
    Path tmp;

    @Test
    void trainWithoutMethodOrArchTrainsTheRecipeAndEveryHelpSaysSo() throws Exception {
        try (Console console = new Console()) {
            Path run = tmp.resolve("run");
            assertThat(console.run("train", "--out", run.toString(), "--resolution", "16", "--width", "8", "--latent-dim", "8",
                    "--batch", "4", "--steps", "2", "--log-every", "1")).as(console.err.toString()).isZero();
            var config = new ObjectMapper().readTree(run.resolve("config.json").toFile()).path("config");
            assertThat(config.path("method").asText()).isEqualTo(Recipe.METHOD.toString()).isEqualTo("dlsgan");
            assertThat(config.path("net").path("arch").asText()).isEqualTo(Recipe.ARCHITECTURE.toString()).isEqualTo("dcgan-up");

            assertThat(console.run("train", "--help")).isZero();
            assertThat(flat(console)).contains("Default: dlsgan").contains("Default: dcgan-up");
            for (String command : new String[] {"demo", "compare", "bench"}) {
                assertThat(console.run(command.equals("bench") ? new String[] {"bench", "train", "--help"}
                        : new String[] {command, "--help"})).isZero();
                assertThat(flat(console)).as(command).contains("Default: dcgan-up");
            }
        }
    }

    /** The help text with its line wrapping undone. */
    private static String flat(Console console) {
        return console.out.toString().replaceAll("\\s+", " ");
    }
}
