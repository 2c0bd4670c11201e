package ganinv.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import ganinv.data.ImageCodec;
import ganinv.data.ShapesDataset;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** prepare, then train and evaluate from the prepared file, as a user would. */
class PrepareCommandTest extends CommandTestBase {
    @Test
    void prepareThenTrainAndEvaluateFromTheFile() throws Exception {
        Path images = tmp.resolve("images");
        ShapesDataset shapes = new ShapesDataset(21, 40, 32, 3);
        for (int i = 0; i < shapes.size(); i++) {
            ImageCodec.writePng(shapes.pixels(i), 3, 32, 32, images.resolve(ShapesDataset.CLASSES.get(shapes.label(i)))
                    .resolve("s" + i + ".png"));
        }
        Files.write(images.resolve("circle/broken.png"), new byte[] {9});
        Path file = tmp.resolve("shapes-16.gdata");
        assertThat(run("prepare", "--data", images.toString(), "--resolution", "16", "--out", file.toString()))
                .as(err.toString()).isZero();
        assertThat(out.toString()).contains("prepared 40 images (16x16, 3 channels)").contains("--data " + file);
        assertThat(err.toString()).contains("skipped 1 of 41").contains("broken.png");

        Path run = tmp.resolve("run");
        assertThat(run(train("--data", file.toString(), "--out", run.toString(), "--steps", "4"))).as(err.toString()).isZero();
        var config = new ObjectMapper().readTree(run.resolve("config.json").toFile());
        assertThat(config.path("data_description").asText()).contains("prepared shapes-16.gdata");
        assertThat(run("evaluate", "--run", run.toString(), "--data", file.toString(), "--count", "20", "--json",
                tmp.resolve("e.json").toString())).as(err.toString()).isZero();
        assertThat(new ObjectMapper().readTree(tmp.resolve("e.json").toFile()).path("probe_classes").asInt()).isEqualTo(3);

        assertOneLineError(run(train("--data", file.toString(), "--out", tmp.resolve("r32").toString(), "--resolution", "32",
                "--steps", "2")), "--resolution 16");
        assertOneLineError(run("prepare", "--data", "shapes", "--out", tmp.resolve("s.gdata").toString()), "--count");
        assertThat(tmp.resolve("s.gdata")).doesNotExist();
        assertThat(run("prepare", "--help")).isZero();
        assertThat(out.toString()).contains("Example:");
    }
}
