package ganinv.api;

import ganinv.api.types.BadInputException;
import ganinv.api.types.CollapsePolicy;
import ganinv.api.types.Method;
import com.fasterxml.jackson.databind.JsonNode;
import ganinv.data.JsonFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a resume may change takes effect and is recorded in config.json; giving a setting its saved
 * value changes nothing (bitwise), so the difference a new value makes is that value's alone.
 */
class ResumptionTest {
    @TempDir
    static Path tmp;
    static Path base;

    @BeforeAll
    static void trainTenSteps() {
        base = tmp.resolve("base");
        Training.builder(base).method(Method.GAN).resolution(16).width(8).latentDim(8).batch(4).steps(10)
                .logEvery(5).sampleEvery(10).checkpointEvery(10).build().run();
    }

    private static Path copy(String name) throws IOException {
        Path to = tmp.resolve(name);
        try (Stream<Path> files = Files.walk(base)) {
            for (Path p : files.toList()) {
                Path t = to.resolve(base.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        return to;
    }

    private static byte[] checkpoint(Path run, int step) throws IOException {
        return Files.readAllBytes(run.resolve("checkpoints").resolve(String.format("step-%08d.ckpt", step)));
    }

    private static JsonNode config(Path run) throws IOException {
        return JsonFiles.MAPPER.readTree(run.resolve("config.json").toFile());
    }

    @Test
    void theSavedValueChangesNothingAndANewOneTakesEffectAndIsRecorded() throws IOException {
        Path plain = copy("plain");
        Path same = copy("same");
        Path lower = copy("lower");
        double saved = config(base).at("/config/options/learningRate").asDouble();
        assertThat(saved).isEqualTo(0.0005);

        Training.resume(plain).steps(20).run();
        Training.resume(same).steps(20).lr(saved).run();
        Training.resume(lower).steps(20).lr(saved / 10).logEvery(2).run();

        assertThat(checkpoint(same, 20)).isEqualTo(checkpoint(plain, 20));
        assertThat(checkpoint(lower, 20)).isNotEqualTo(checkpoint(plain, 20));
        assertThat(config(plain).get("resume_changes")).as("the new total").hasSize(1);
        assertThat(config(same).get("resume_changes")).as("the saved lr given again changes nothing").hasSize(1);

        JsonNode c = config(lower);
        assertThat(c.at("/config/options/learningRate").asDouble()).isEqualTo(saved / 10);
        assertThat(c.at("/config/logEvery").asInt()).isEqualTo(2);
        JsonNode changes = c.get("resume_changes");
        assertThat(changes).hasSize(3);
        assertThat(changes.get(1).get("step").asLong()).isEqualTo(10);
        assertThat(changes.get(1).get("setting").asText()).isEqualTo("--lr");
        assertThat(changes.get(1).get("from").asDouble()).isEqualTo(saved);
        assertThat(changes.get(1).get("to").asDouble()).isEqualTo(saved / 10);
        List<String> steps = Files.readAllLines(lower.resolve("metrics.jsonl")).stream()
                .map(l -> l.replaceAll(".*\"step\" ?: ?(\\d+).*", "$1")).toList();
        assertThat(steps).as("every 5 steps to 10, every 2 after").containsExactly("5", "10", "12", "14", "16", "18", "20");

        // A later resume keeps the new settings and the history, and adds its own change.
        Training.resume(lower).steps(24).onCollapse(CollapsePolicy.OFF).run();
        JsonNode later = config(lower);
        assertThat(later.at("/config/options/learningRate").asDouble()).isEqualTo(saved / 10);
        assertThat(later.get("resume_changes")).hasSize(5);
        assertThat(later.get("resume_changes").get(4).get("setting").asText()).isEqualTo("--on-collapse");
        assertThat(later.get("resume_changes").get(4).get("step").asLong()).isEqualTo(20);
        assertThat(later.get("resume_changes").get(4).has("from")).as("the guard's policy is each start's own").isFalse();
    }

    @Test
    void aFailedResumeRecordsNothingAndALowerTotalIsRefused() throws IOException {
        Path broken = copy("broken");
        try (Stream<Path> ckpts = Files.list(broken.resolve("checkpoints"))) {
            for (Path c : ckpts.toList()) {
                Files.write(c, new byte[] {1, 2, 3});                          // every checkpoint damaged
            }
        }
        String before = Files.readString(broken.resolve("config.json"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Training.resume(broken).steps(20).lr(1e-4).run())
                .isInstanceOf(BadInputException.class);
        assertThat(Files.readString(broken.resolve("config.json"))).isEqualTo(before);
        Path ahead = copy("ahead");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Training.resume(ahead).steps(5).run())
                .isInstanceOf(BadInputException.class).hasMessageContaining("--steps 5").hasMessageContaining("already at step 10");
    }

    @Test
    void aResumptionOffersOnlyTheSettingsThatTakeEffect() {
        List<String> setters = Stream.of(Resumption.class.getDeclaredMethods())
                .filter(m -> java.lang.reflect.Modifier.isPublic(m.getModifiers()) && m.getReturnType() == Resumption.class)
                .map(m -> m.getName()).sorted().toList();
        assertThat(setters).containsExactly("checkpointEvery", "device", "keepCheckpoints", "listener", "log", "logEvery", "lr",
                "onCollapse", "onNonFinite", "sampleEvery", "steps");
        assertThat(Resumption.FLAGS).hasSize(9);
    }
}
