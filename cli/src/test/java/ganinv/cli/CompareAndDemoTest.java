package ganinv.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** compare and demo, the commands that run other commands: end to end on tiny networks, and resumed. */
class CompareAndDemoTest extends CommandTestBase {
    @Test
    void compareRunsEndToEndAndResumes() throws Exception {
        Path dir = tmp.resolve("cmp");
        String[] args = {"compare", "--data", "shapes", "--steps", "6", "--out", dir.toString(), "--eval-count", "10",
                "--methods", "latent-regression,gan+fit-encoder,dlsgan-dls-dg",
                "--train-args", "--resolution 16 --width 8 --latent-dim 8 --batch 4 --count 32"};
        assertThat(run(args)).as(err.toString()).isZero();
        List<String> md = Files.readAllLines(dir.resolve("comparison.md"));
        assertThat(md.stream().filter(l -> l.startsWith("| ") && !l.startsWith("| configuration"))).hasSize(3);
        JsonNode json = new ObjectMapper().readTree(dir.resolve("comparison.json").toFile());
        assertThat(json.path("rows")).hasSize(3);
        assertThat(json.path("rows").get(1).path("psnr_real").isNumber()).as("gan's fitted encoder is measured").isTrue();
        assertThat(json.path("rows").get(2).path("latent_entropy").isNumber()).isTrue();
        assertThat(json.path("features").asText()).isEqualTo("random-conv-256-seed2015");
        String html = Files.readString(dir.resolve("comparison.html"));
        assertThat(html).contains("<table>").contains("l_enc").contains("loss_d");
        assertThat(new ObjectMapper().readTree(dir.resolve("dlsgan-dls-dg/config.json").toFile()).path("config")
                .path("net").path("resolution").asInt()).isEqualTo(16);
        // Run again with a larger budget: every run resumes from its checkpoint, nothing starts over.
        args[4] = "9";
        assertThat(run(args)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("resuming");
        assertThat(dir.resolve("latent-regression/checkpoints/step-00000009.ckpt")).exists();
        assertThat(dir.resolve("gan+fit-encoder/encoder/checkpoints/step-00000009.ckpt")).exists();
        assertThat(new ObjectMapper().readTree(dir.resolve("comparison.json").toFile()).path("steps").asInt()).isEqualTo(9);
        assertOneLineError(run("compare", "--steps", "2", "--out", dir.toString(), "--methods", "vae"), "--methods vae");
    }

    @Test
    void demoTrainsTheDefaultNetworksAndMeasuresThemWithAClassifier() throws Exception {
        Path dir = tmp.resolve("demo");
        assertThat(run("demo", "--out", dir.toString(), "--steps", "4")).as(err.toString()).isZero();
        JsonNode config = new ObjectMapper().readTree(dir.resolve("config.json").toFile()).path("config");
        assertThat(config.path("net").path("arch").asText()).isEqualTo("dcgan-up");
        assertThat(config.path("net").path("output").asText()).isEqualTo(ganinv.api.Recipe.G_OUTPUT.toString()).isEqualTo("linear");
        assertThat(config.path("net").path("modulated").asBoolean()).isEqualTo(ganinv.api.Recipe.G_MODULATION).isTrue();
        assertThat(config.path("options").path("dls").path("minibatchStd").asInt()).isEqualTo(ganinv.api.Recipe.MINIBATCH_STD);
        assertThat(config.path("options").path("gEma").asDouble()).isEqualTo(0);
        assertThat(new ObjectMapper().readTree(dir.resolve("inverted/metrics.json").toFile()).path("generator").asText())
                .isEqualTo("G");
        // The demo fits an encoder to the real shapes (as many steps as it trained) and inverts with it.
        assertThat(new ObjectMapper().readTree(dir.resolve("inverted/metrics.json").toFile()).path("encoder").asText())
                .isEqualTo("fitted");
        assertThat(dir.resolve("encoder/checkpoints/step-00000004.ckpt")).exists();
        assertThat(dir.resolve("report.html")).exists();
        assertThat(dir.resolve("shapes-classifier.cls")).exists();
        JsonNode evaluation = new ObjectMapper().readTree(dir.resolve("evaluate.json").toFile());
        assertThat(evaluation.path("classifier_accuracy").asDouble()).isGreaterThan(0.95);
        // What the demo prints is what evaluate measured: the same classes, KL and share kept.
        assertThat(out.toString()).contains("demo finished").contains(String.format(java.util.Locale.ROOT,
                        "samples cover %d of 3 classes (class KL %.3f nats)", evaluation.path("classes_covered").asInt(),
                        evaluation.path("class_kl").asDouble()))
                .contains(String.format(java.util.Locale.ROOT, "keep their class for %.1f%% of %d held-out shapes",
                        100 * evaluation.path("class_kept_encoder").asDouble(), evaluation.path("count").asInt()))
                .contains("colour spread of the 64 samples");
        assertThat(evaluation.path("classes_covered").asInt()).as("a class the generated images fall in").isPositive();
        assertThat(evaluation.path("count").asInt()).isPositive();
    }

    @Test
    void compareRunsEveryConfigurationOnEveryArch() throws Exception {
        Path dir = tmp.resolve("cmp-arch");
        String small = "--resolution 16 --width 8 --max-width 16 --latent-dim 8 --batch 4 --count 32";
        assertThat(run("compare", "--steps", "3", "--out", dir.toString(), "--eval-count", "10", "--methods",
                "latent-regression,dlsgan-dls-dg", "--arch", "dcgan-up,stylegan2", "--train-args", small)).as(err.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(dir.resolve("comparison.json").toFile());
        assertThat(json.path("rows").findValuesAsText("configuration")).containsExactly("latent-regression@dcgan-up",
                "dlsgan-dls-dg@dcgan-up", "latent-regression@stylegan2", "dlsgan-dls-dg@stylegan2");
        assertThat(new ObjectMapper().readTree(dir.resolve("stylegan2/dlsgan-dls-dg/config.json").toFile()).path("config")
                .path("net").path("arch").asText()).isEqualTo("stylegan2");
        assertOneLineError(run("compare", "--steps", "2", "--out", dir.toString(), "--arch", "vit"), "--arch vit");
        assertOneLineError(run("compare", "--steps", "2", "--out", dir.toString(), "--train-args", "--arch stylegan2"),
                "--train-args");
    }
}
