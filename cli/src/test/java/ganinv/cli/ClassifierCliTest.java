package ganinv.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ganinv.data.ImageCodec;
import ganinv.data.ShapesDataset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/** train-classifier and the class figures of evaluate, report and compare, as a user types them. */
class ClassifierCliTest {
    private static final Path FASHION = Path.of("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz");

    @TempDir
    Path tmp;

    private Console console;

    @BeforeEach
    void capture() {
        console = new Console();
    }

    @AfterEach
    void restore() {
        console.close();
    }

    private JsonNode json(Path file) throws Exception {
        return new ObjectMapper().readTree(file.toFile());
    }

    @Test
    void aClassifierOfTheShapesMeasuresARunInEvaluateReportAndCompare() throws Exception {
        Path cls = tmp.resolve("shapes.cls");
        assertThat(console.run("train-classifier", "--data", "shapes", "--count", "3000", "--resolution", "16",
                "--steps", "400", "--out", cls.toString())).as(console.err.toString()).isZero();
        assertThat(console.out.toString()).contains("accuracy on 300 held-out images");
        Path run = tmp.resolve("run");
        assertThat(console.run("train", "--method", "dlsgan", "--resolution", "16", "--width", "8", "--latent-dim", "8",
                "--batch", "4", "--steps", "10", "--log-every", "5", "--out", run.toString())).as(console.err.toString()).isZero();
        Path eval = tmp.resolve("eval.json");
        assertThat(console.run("evaluate", "--run", run.toString(), "--data", "shapes", "--count", "40", "--classifier",
                cls.toString(), "--hybrid", "4", "--json", eval.toString())).as(console.err.toString()).isZero();
        JsonNode e = json(eval);
        assertThat(e.path("features").asText()).isEqualTo("classifier-shapes.cls");
        assertThat(e.path("classifier_accuracy").asDouble()).isGreaterThan(0.8);
        assertThat(e.path("classes_covered").asInt()).isBetween(0, 3);
        assertThat(e.path("class_kl").isNumber()).isTrue();
        assertThat(e.path("class_kept_encoder").asDouble()).isBetween(0.0, 1.0);
        assertThat(e.path("class_kept_hybrid").asDouble()).isBetween(0.0, 1.0);
        assertThat(e.path("hybrid_count").asInt()).isEqualTo(4);
        assertThat(e.path("psnr_hybrid").asDouble()).isGreaterThan(e.path("psnr_real").asDouble() - 3);
        assertThat(console.out.toString()).contains("classes_covered").contains("class_kept_encoder");

        assertThat(console.run("report", "--run", run.toString(), "--count", "20", "--classifier", cls.toString()))
                .as(console.err.toString()).isZero();
        assertThat(Files.readString(run.resolve("report.html"))).contains("class_kept_encoder").contains("classes_covered");

        Path cmp = tmp.resolve("cmp");
        assertThat(console.run("compare", "--data", "shapes", "--steps", "4", "--methods", "dlsgan-dls-dg", "--eval-count", "20",
                "--classifier", cls.toString(), "--out", cmp.toString(), "--train-args",
                "--resolution 16 --width 8 --latent-dim 8 --batch 4 --log-every 2")).as(console.err.toString()).isZero();
        assertThat(Files.readString(cmp.resolve("comparison.md"))).contains("classes_covered").contains("class_kept_encoder");
        assertThat(json(cmp.resolve("comparison.json")).path("rows").get(0).path("class_kl").isNumber()).isTrue();
    }

    @Test
    void badClassifierInputsAreOneLineErrors() throws Exception {
        Path run = tmp.resolve("run");
        assertThat(console.run("train", "--method", "dlsgan", "--resolution", "16", "--width", "8", "--latent-dim", "8",
                "--batch", "4", "--steps", "2", "--log-every", "1", "--out", run.toString())).isZero();
        Path checkpoint;
        try (var s = Files.list(run.resolve("checkpoints"))) {
            checkpoint = s.findFirst().orElseThrow();
        }
        Path eval = tmp.resolve("e.json");
        assertThat(console.run("evaluate", "--run", run.toString(), "--data", "shapes", "--count", "10", "--classifier",
                checkpoint.toString(), "--json", eval.toString())).isEqualTo(2);
        assertThat(console.err.toString()).contains(checkpoint.toString()).contains("not a ganinv classifier");
        assertThat(console.err.toString().strip().lines().count()).isEqualTo(1);
        assertThat(console.run("evaluate", "--run", run.toString(), "--data", "shapes", "--count", "10", "--classifier",
                tmp.resolve("none.cls").toString(), "--json", eval.toString())).isEqualTo(2);
        assertThat(console.err.toString()).contains("none.cls").contains("train-classifier");
        assertThat(console.run("evaluate", "--run", run.toString(), "--data", "shapes", "--count", "10", "--classifier",
                "x.cls", "--inception", "y.pt", "--json", eval.toString())).isEqualTo(2);
        assertThat(console.err.toString()).contains("--inception and --classifier");
        assertThat(eval).doesNotExist();

        Path unlabelled = tmp.resolve("flat");
        ShapesDataset shapes = new ShapesDataset(1, 30, 16, 3);
        for (int i = 0; i < 30; i++) {
            ImageCodec.writePng(shapes.pixels(i), 3, 16, 16, unlabelled.resolve(i + ".png"));
        }
        assertThat(console.run("train-classifier", "--data", unlabelled.toString(), "--out", tmp.resolve("c.cls").toString()))
                .isEqualTo(2);
        assertThat(console.err.toString()).contains("labelled data").doesNotContain("Exception");
        assertThat(tmp.resolve("c.cls")).doesNotExist();
    }

    @Test
    void fashionMnistFromTheDebianPackage() throws Exception {
        assumeThat(FASHION).as("apt-get install dataset-fashion-mnist (.ci/run does)").exists();
        Path cls = tmp.resolve("fashion.cls");
        assertThat(console.run("train-classifier", "--data", FASHION.toString(), "--channels", "1", "--count", "4000",
                "--steps", "300", "--out", cls.toString())).as(console.err.toString()).isZero();
        assertThat(console.out.toString()).contains("10 classes, trained on 3600 images");
        Double accuracy = Double.valueOf(console.out.toString().replaceAll("(?s).*held-out images ([0-9.]+).*", "$1"));
        assertThat(accuracy).isGreaterThan(0.7);     // 10 classes: chance 0.1
    }
}
