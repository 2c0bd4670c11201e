package ganinv.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ganinv.data.ImageCodec;
import ganinv.data.ShapesDataset;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code fit-encoder} on real images, and every command that inverts taking its encoder by default or by --encoder. */
class FitEncoderCommandTest extends CommandTestBase {
    private JsonNode json(Path file) throws Exception {
        return new ObjectMapper().readTree(file.toFile());
    }

    @Test
    void aRealImageFitIsWhatInvertEvaluateAndReportUseUnlessToldOtherwise() throws Exception {
        Path run = tmp.resolve("dls");
        assertThat(run(train("--method", "dlsgan", "--out", run.toString(), "--steps", "8"))).as(err.toString()).isZero();
        Path images = tmp.resolve("imgs");
        ShapesDataset shapes = new ShapesDataset(3, 4, 16, 3);
        for (int i = 0; i < 4; i++) {
            ImageCodec.writePng(shapes.pixels(i), 3, 16, 16, images.resolve("s" + i + ".png"));
        }
        assertOneLineError(run("invert", "--run", run.toString(), "--images", images.toString(), "--encoder", "fitted",
                "--out", tmp.resolve("none").toString()), "fit-encoder --run " + run);

        assertThat(run("fit-encoder", "--run", run.toString(), "--steps", "6", "--batch", "4", "--checkpoint-every", "3",
                "--feature-weight", "1", "--latent-weight", "0.5")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("reconstruction PSNR on 256 of the fitted images");
        JsonNode fit = json(run.resolve("encoder/config.json")).path("config");
        assertThat(fit.path("data").asText()).isEqualTo("shapes");          // the run's own data unless --data
        assertThat(fit.path("warmupSteps").asInt()).isZero();                 // DLSGAN starts from its latent head
        JsonNode line = lastLine(run.resolve("encoder/metrics.jsonl"));
        for (String key : new String[] {"pixel_mse", "feature_mse", "latent_mse", "code_power"}) {
            assertThat(line.path(key).isNumber()).as(key).isTrue();
        }

        assertThat(run("invert", "--run", run.toString(), "--images", images.toString(), "--out", tmp.resolve("f").toString()))
                .as(err.toString()).isZero();
        assertThat(json(tmp.resolve("f/metrics.json")).path("encoder").asText()).isEqualTo("fitted");
        assertThat(run("invert", "--run", run.toString(), "--images", images.toString(), "--encoder", "trained", "--out",
                tmp.resolve("t").toString())).as(err.toString()).isZero();
        assertThat(json(tmp.resolve("t/metrics.json")).path("encoder").asText()).isEqualTo("trained");
        assertThat(json(tmp.resolve("f/metrics.json")).path("mean").path("psnr").asDouble())
                .isNotEqualTo(json(tmp.resolve("t/metrics.json")).path("mean").path("psnr").asDouble());

        assertThat(run("evaluate", "--run", run.toString(), "--data", "shapes", "--count", "12", "--json",
                tmp.resolve("e.json").toString())).as(err.toString()).isZero();
        JsonNode e = json(tmp.resolve("e.json"));
        assertThat(e.path("encoder").asText()).isEqualTo("fitted");
        assertThat(e.path("encoders").path("fitted").path("psnr_real").asDouble()).isEqualTo(e.path("psnr_real").asDouble());
        for (String which : new String[] {"trained", "fitted"}) {
            for (String key : new String[] {"psnr_real", "ssim_real", "code_power"}) {
                assertThat(e.path("encoders").path(which).path(key).isNumber()).as(which + " " + key).isTrue();
            }
        }
        assertThat(run("report", "--run", run.toString(), "--count", "12")).as(err.toString()).isZero();
        assertThat(java.nio.file.Files.readString(run.resolve("report.html")))
                .contains("G(E(x)) by the trained encoder | G(E(x)) by the fitted encoder");
        assertThat(run("interpolate", "--run", run.toString(), "--from", images.resolve("s0.png").toString(), "--to",
                images.resolve("s1.png").toString(), "--encoder", "trained", "--out", tmp.resolve("i.png").toString()))
                .as(err.toString()).isZero();

        assertOneLineError(run("invert", "--run", run.toString(), "--images", images.toString(), "--encoder", "mine",
                "--out", tmp.resolve("x").toString()), "--encoder mine: choose one of trained, fitted");
        assertOneLineError(run("fit-encoder", "--run", run.toString(), "--pairs-only", "--force"), "trains its own encoder");
        assertOneLineError(run("fit-encoder", "--run", run.toString(), "--pairs-only", "--data", "shapes", "--force"),
                "a --pairs-only fit reads no images");
        assertOneLineError(run("fit-encoder", "--run", run.toString(), "--resume", "--latent-weight", "3"), "--latent-weight");
    }
}
