package ganinv.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ganinv.data.ImageCodec;
import ganinv.data.Npy;
import ganinv.data.ShapesDataset;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The commands as a user runs them: exit codes, files written, and one-line errors. */
class CliTest extends CommandTestBase {
    @Test
    void trainResumeSampleInvertMetricsEndToEnd() throws Exception {
        Path run = tmp.resolve("run");
        assertThat(run(train("--out", run.toString(), "--steps", "20"))).as(err.toString()).isZero();
        assertThat(run.resolve("config.json")).exists();
        JsonNode config = new ObjectMapper().readTree(run.resolve("config.json").toFile());
        assertThat(config.path("config").path("method").asText()).isEqualTo("dlsgan");   // the default recipe
        assertThat(config.path("config").path("net").path("resolution").asInt()).isEqualTo(16);
        assertThat(config.has("git_commit")).isTrue();
        assertThat(run.resolve("samples/step-00000020.png")).exists();

        assertThat(run(train("--out", run.toString(), "--steps", "30", "--resume"))).as(err.toString()).isZero();
        assertThat(out.toString()).contains("resuming").contains("step 30");
        assertThat(run.resolve("checkpoints/step-00000030.ckpt")).exists();
        JsonNode last = lastLine(run.resolve("metrics.jsonl"));
        assertThat(last.path("step").asInt()).isEqualTo(30);
        for (String key : new String[] {"loss_d_adv", "l_enc", "loss_g_adv", "latent_mse", "images_per_s", "seconds"}) {
            assertThat(last.path(key).isNumber()).as(key).isTrue();
        }

        assertThat(run("sample", "--run", run.toString(), "--count", "5", "--out", tmp.resolve("s").toString())).isZero();
        assertThat(tmp.resolve("s/sample-00004.png")).exists();
        assertThat(tmp.resolve("s/grid.png")).exists();

        // Inputs at another size (40x40) and as gray: converted like the folder loader does.
        Path images = tmp.resolve("imgs");
        ShapesDataset shapes = new ShapesDataset(99, 6, 32, 3);
        for (int i = 0; i < 5; i++) {
            ImageCodec.writePng(shapes.pixels(i), 3, 32, 32, images.resolve("img" + i + ".png"));
        }
        ImageCodec.writePng(new ShapesDataset(99, 6, 16, 1).pixels(5), 1, 16, 16, images.resolve("sub/gray.png"));
        Path inv = tmp.resolve("inv");
        assertThat(run("invert", "--run", run.toString(), "--images", images.toString(), "--mode", "encoder",
                "--out", inv.toString())).as(err.toString()).isZero();
        Npy.Matrix codes = Npy.read(inv.resolve("latents.npy"));
        assertThat(codes.rows()).isEqualTo(6);
        assertThat(codes.cols()).isEqualTo(8);
        JsonNode m = new ObjectMapper().readTree(inv.resolve("metrics.json").toFile());
        assertThat(m.path("mode").asText()).isEqualTo("encoder");
        assertThat(m.path("count").asInt()).isEqualTo(6);
        // Each image's PSNR is 10·log10(255²/MSE) of its fitted input against its reconstruction, and the mean is theirs.
        double sum = 0;
        for (int i = 0; i < 6; i++) {
            JsonNode one = m.path("images").get(i);
            String name = one.path("name").asText();
            byte[] in = ImageCodec.read(images.resolve(name), 3, 16);         // the run is RGB: gray is replicated
            byte[] rec = ImageCodec.read(inv.resolve("reconstructions").resolve(name), 3, 16);
            double mse = 0;
            for (int k = 0; k < in.length; k++) {
                double e = (in[k] & 0xff) - (rec[k] & 0xff);
                mse += e * e / in.length;
            }
            assertThat(one.path("psnr").asDouble()).as(name).isCloseTo(10 * Math.log10(255.0 * 255.0 / mse),
                    org.assertj.core.api.Assertions.within(1e-6));
            sum += one.path("psnr").asDouble();
        }
        assertThat(m.path("mean").path("psnr").asDouble()).isCloseTo(sum / 6, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(m.path("images").get(5).path("name").asText()).isEqualTo("sub/gray.png");
        assertThat(inv.resolve("reconstructions/sub/gray.png")).exists();
        assertThat(inv.resolve("grid.png")).exists();

        // metrics over the same pairs reproduces invert's numbers (same 8-bit images, same formulas).
        Path fitted = tmp.resolve("fitted");
        for (int i = 0; i < 5; i++) {
            ImageCodec.writePng(ImageCodec.read(images.resolve("img" + i + ".png"), 3, 16), 3, 16, 16,
                    fitted.resolve("img" + i + ".png"));
        }
        assertThat(run("metrics", "--reference", fitted.toString(), "--candidate", inv.resolve("reconstructions").toString(),
                "--json", tmp.resolve("scores.json").toString())).as(err.toString()).isZero();
        JsonNode scores = new ObjectMapper().readTree(tmp.resolve("scores.json").toFile());
        assertThat(scores.path("count").asInt()).isEqualTo(5);
        assertThat(scores.path("images").get(0).path("psnr").asDouble())
                .isCloseTo(m.path("images").get(0).path("psnr").asDouble(), org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void biganAndGanTrainResumeAndInvertOnShapesAndOnAnImageFolder() throws Exception {
        Path folder = tmp.resolve("folder");
        ShapesDataset shapes = new ShapesDataset(5, 12, 16, 3);
        for (int i = 0; i < 12; i++) {
            ImageCodec.writePng(shapes.pixels(i), 3, 16, 16, folder.resolve(ShapesDataset.CLASSES.get(shapes.label(i)))
                    .resolve("img" + i + ".png"));
        }
        for (String data : new String[] {"shapes", folder.toString()}) {
            Path bigan = tmp.resolve("bigan-" + data.length());
            assertThat(run(train("--method", "bigan", "--data", data, "--out", bigan.toString(), "--steps", "10")))
                    .as(err.toString()).isZero();
            assertThat(run(train("--out", bigan.toString(), "--resume", "--steps", "20", "--data", data))).as(err.toString()).isZero();
            assertThat(lastLine(bigan.resolve("metrics.jsonl")).path("loss_ge").isNumber()).isTrue();
            assertThat(run("invert", "--run", bigan.toString(), "--images", folder.toString(), "--out",
                    bigan.resolve("inv").toString())).as(err.toString()).isZero();
            assertThat(Npy.read(bigan.resolve("inv/latents.npy")).rows()).isEqualTo(12);

            Path gan = tmp.resolve("gan-" + data.length());
            assertThat(run(train("--method", "gan", "--data", data, "--out", gan.toString(), "--steps", "10")))
                    .as(err.toString()).isZero();
            assertThat(out.toString()).contains("next:       ./ganinv fit-encoder --run " + gan);
            assertOneLineError(run("invert", "--run", gan.toString(), "--images", folder.toString(), "--out",
                    gan.resolve("inv").toString()), "fit-encoder --run " + gan);
            // Without an encoder, evaluate measures what it can and says what is missing.
            assertThat(run("evaluate", "--run", gan.toString(), "--data", folder.toString(), "--count", "12", "--json",
                    gan.resolve("eval.json").toString())).as(err.toString()).isZero();
            JsonNode e = new ObjectMapper().readTree(gan.resolve("eval.json").toFile());
            assertThat(e.path("fid").isNumber()).isTrue();
            assertThat(e.has("psnr_real")).isFalse();
            assertThat(e.path("encoder").asText()).contains("fit-encoder");
            assertThat(run("fit-encoder", "--run", gan.toString(), "--steps", "10", "--batch", "4",
                    "--checkpoint-every", "5", "--sample-every", "5")).as(err.toString()).isZero();
            assertThat(out.toString()).contains("held-out latents");
            assertThat(gan.resolve("encoder/checkpoints/step-00000010.ckpt")).exists();
            assertThat(gan.resolve("encoder/samples/step-00000010.png")).exists();
            assertOneLineError(run("fit-encoder", "--run", gan.toString()), "--force");
            assertThat(run("fit-encoder", "--run", gan.toString(), "--resume", "--steps", "15")).as(err.toString()).isZero();
            assertThat(lastLine(gan.resolve("encoder/metrics.jsonl")).path("step").asInt()).isEqualTo(15);
            assertThat(run("invert", "--run", gan.toString(), "--images", folder.toString(), "--out",
                    gan.resolve("inv").toString())).as(err.toString()).isZero();
            assertThat(Npy.read(gan.resolve("inv/latents.npy")).rows()).isEqualTo(12);
        }
        assertOneLineError(run(train("--method", "bigan", "--lambda", "2", "--out", tmp.resolve("x").toString())),
                "--lambda: applies only to --method latent-regression and dlsgan");
        assertOneLineError(run("fit-encoder", "--run", tmp.resolve("bigan-6").toString(), "--pairs-only"), "trains its own encoder");
        assertOneLineError(run("fit-encoder", "--run", tmp.resolve("gan-6").toString(), "--pixel-weight", "-1", "--force"),
                "--pixel-weight -1");
        assertOneLineError(run("fit-encoder", "--run", tmp.resolve("nothing").toString()), "not a ganinv run");
    }

    @Test
    void dlsganTrainsResumesInvertsAndTraverses() throws Exception {
        Path run = tmp.resolve("dls");
        assertThat(run(train("--method", "dlsgan", "--scale-tracker", "ema", "--out", run.toString(), "--steps", "10")))
                .as(err.toString()).isZero();
        assertThat(run(train("--out", run.toString(), "--resume", "--steps", "20"))).as(err.toString()).isZero();
        JsonNode config = new ObjectMapper().readTree(run.resolve("config.json").toFile()).path("config");
        assertThat(config.path("options").path("dls").path("scaleTracker").asText()).isEqualTo("ema");
        assertThat(config.path("options").path("learningRate").asDouble()).isEqualTo(0.001);
        JsonNode last = lastLine(run.resolve("metrics.jsonl"));
        for (String key : new String[] {"loss_d_adv", "l_enc", "r1", "loss_g_adv", "entropy", "s_min", "s_max"}) {
            assertThat(last.path(key).isNumber()).as(key).isTrue();
        }
        Path images = tmp.resolve("imgs");
        ShapesDataset shapes = new ShapesDataset(3, 4, 16, 3);
        for (int i = 0; i < 4; i++) {
            ImageCodec.writePng(shapes.pixels(i), 3, 16, 16, images.resolve("s" + i + ".png"));
        }
        assertThat(run("invert", "--run", run.toString(), "--images", images.toString(), "--out",
                tmp.resolve("inv").toString())).as(err.toString()).isZero();
        // Headers that claim more than --max-pixels are refused before decoding (16 x 16 = 256 pixels).
        assertOneLineError(run("invert", "--run", run.toString(), "--images", images.toString(), "--max-pixels", "255",
                "--out", tmp.resolve("inv-small").toString()), "16x16 = 256 pixels, more than the limit of 255 (--max-pixels)");
        assertThat(run("traverse", "--run", run.toString(), "--elements", "3", "--steps", "5", "--out",
                tmp.resolve("t.png").toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("ranked by latent scale s");
        JsonNode t = new ObjectMapper().readTree(tmp.resolve("t.json").toFile());
        assertThat(t.path("rows")).hasSize(3);
        assertThat(ImageCodec.read(tmp.resolve("t.png"), 3, 16)).isNotNull();
        assertThat(run("traverse", "--run", run.toString(), "--image", images.resolve("s0.png").toString(), "--out",
                tmp.resolve("t2.png").toString())).as(err.toString()).isZero();
        assertThat(new ObjectMapper().readTree(tmp.resolve("t2.json").toFile()).path("start").asText()).endsWith("s0.png");
        // DLSGAN's flags belong to DLSGAN.
        assertOneLineError(run(train("--method", "gan", "--r1-weight", "5", "--out", tmp.resolve("x").toString())),
                "--r1-weight: applies only to --method dlsgan");
        assertOneLineError(run(train("--method", "dlsgan", "--scale-tracker", "median", "--out", tmp.resolve("x").toString())),
                "--scale-tracker median");
        assertOneLineError(run("traverse", "--run", run.toString(), "--elements", "0", "--out", tmp.resolve("y.png").toString()),
                "--elements 0");

        assertThat(run("evaluate", "--run", run.toString(), "--data", "shapes", "--count", "20", "--json",
                tmp.resolve("eval.json").toString())).as(err.toString()).isZero();
        JsonNode e = new ObjectMapper().readTree(tmp.resolve("eval.json").toFile());
        for (String key : new String[] {"fid", "kid", "encoder_loss", "psnr_generated", "ssim_generated", "psnr_real",
                "ssim_real", "latent_entropy", "probe_accuracy"}) {
            assertThat(e.path(key).isNumber()).as(key).isTrue();
        }
        assertThat(e.path("features").asText()).isEqualTo("random-conv-256-seed2015");
        assertThat(out.toString()).contains("features random-conv-256-seed2015");
        Path tiny = tmp.resolve("tiny-features.pt");         // the core's oracle, from its test jar
        try (var in = getClass().getResourceAsStream("/oracle/tiny-features.pt")) {
            Files.copy(in, tiny);
        }
        assertThat(run("evaluate", "--run", run.toString(), "--data", "shapes", "--count", "20", "--inception", tiny.toString(),
                "--json", tmp.resolve("eval-i.json").toString())).as(err.toString()).isZero();
        assertThat(new ObjectMapper().readTree(tmp.resolve("eval-i.json").toFile()).path("features").asText())
                .isEqualTo("tiny-features");

        // The report embeds every image: samples, reconstructions, traversal, one plot per metrics.jsonl series.
        assertThat(run("report", "--run", run.toString(), "--count", "20")).as(err.toString()).isZero();
        String html = Files.readString(run.resolve("report.html"));
        int series = lastLine(run.resolve("metrics.jsonl")).size() - 1;
        assertThat(html.split("<img ", -1).length - 1).isEqualTo(3 + series);
        assertThat(html).contains("Reconstructions").contains("Traversal").contains("ranked by latent scale s")
                .contains("<th>measure</th>").contains("probe_accuracy").contains("random-conv-256-seed2015")
                .doesNotContain("src=\"file:").doesNotContain("src=\"/");
        assertThat(run.resolve("evaluate.json")).exists();
    }

    @Test
    void optimizeHybridInterpolateDirectionAndEditFromTheCommandLine() throws Exception {
        Path run = tmp.resolve("lr");
        assertThat(run(train("--out", run.toString(), "--steps", "10"))).as(err.toString()).isZero();
        Path images = tmp.resolve("imgs");
        ShapesDataset shapes = new ShapesDataset(3, 4, 16, 3);
        for (int i = 0; i < 4; i++) {
            ImageCodec.writePng(shapes.pixels(i), 3, 16, 16, images.resolve(ShapesDataset.CLASSES.get(shapes.label(i)) + i + ".png"));
        }
        for (String mode : new String[] {"optimize", "hybrid"}) {
            Path inv = tmp.resolve("inv-" + mode);
            assertThat(run("invert", "--run", run.toString(), "--images", images.toString(), "--mode", mode, "--steps", "12",
                    "--restarts", "2", "--loss", "l2+features", "--prior-weight", "0.01", "--out", inv.toString()))
                    .as(err.toString()).isZero();
            JsonNode m = new ObjectMapper().readTree(inv.resolve("metrics.json").toFile());
            assertThat(m.path("mode").asText()).isEqualTo(mode);
            assertThat(m.path("steps").asInt()).isEqualTo(12);
            assertThat(m.path("seconds").isNumber()).isTrue();
            assertThat(Files.readAllLines(inv.resolve("loss.csv"))).hasSize(13).first().isEqualTo("step,loss");
            assertThat(ImageCodec.decode(inv.resolve("loss.png")).getWidth()).isEqualTo(640);
            assertThat(Npy.read(inv.resolve("latents.npy")).rows()).isEqualTo(4);
        }
        String[] files = Files.list(images).map(Path::toString).sorted().toArray(String[]::new);
        assertThat(run("interpolate", "--run", run.toString(), "--from", files[0], "--to", files[1], "--frames", "6",
                "--slerp", "--out", tmp.resolve("strip.png").toString())).as(err.toString()).isZero();
        Npy.Matrix path = Npy.read(tmp.resolve("strip.npy"));
        assertThat(path.rows()).isEqualTo(6);
        // The path starts and ends at the encoder's codes of the two images (invert lists them in path order).
        assertThat(run("invert", "--run", run.toString(), "--images", images.toString(), "--out",
                tmp.resolve("inv-encoder").toString())).isZero();
        float[] encoded = Npy.read(tmp.resolve("inv-encoder/latents.npy")).data();
        for (int j = 0; j < 8; j++) {    // within float noise: the two commands batch the images differently
            assertThat(path.data()[j]).isCloseTo(encoded[j], org.assertj.core.data.Offset.offset(1e-4f));
            assertThat(path.data()[40 + j]).isCloseTo(encoded[8 + j], org.assertj.core.data.Offset.offset(1e-4f));
        }
        assertThat(run("direction", "--run", run.toString(), "--data", "shapes", "--attribute", "circle", "--versus", "square",
                "--count", "60", "--out", tmp.resolve("dir.npy").toString())).as(err.toString()).isZero();
        assertThat(Npy.read(tmp.resolve("dir.npy")).cols()).isEqualTo(8);
        assertThat(run("edit", "--run", run.toString(), "--image", files[0], "--direction", tmp.resolve("dir.npy").toString(),
                "--strengths", "-1,0,1", "--out", tmp.resolve("edit.png").toString())).as(err.toString()).isZero();
        assertThat(ImageCodec.decode(tmp.resolve("edit.png"))).isNotNull();

        assertOneLineError(run("invert", "--run", run.toString(), "--images", images.toString(), "--mode", "magic",
                "--out", tmp.resolve("x").toString()), "--mode magic");
        assertOneLineError(run("invert", "--run", run.toString(), "--images", images.toString(), "--steps", "5",
                "--out", tmp.resolve("x").toString()), "--steps: applies to --mode optimize or hybrid");
        assertOneLineError(run("direction", "--run", run.toString(), "--data", "shapes", "--attribute", "hexagon",
                "--out", tmp.resolve("d2.npy").toString()), "circle, square, triangle");
        assertOneLineError(run("direction", "--run", run.toString(), "--data", images.toString(), "--attribute", "circle",
                "--out", tmp.resolve("d2.npy").toString()), "has no labels");
        Npy.write(tmp.resolve("wrong.npy"), new Npy.Matrix(1, 3, new float[3]));
        assertOneLineError(run("edit", "--run", run.toString(), "--image", files[0], "--direction", tmp.resolve("wrong.npy").toString(),
                "--out", tmp.resolve("e2.png").toString()), "1 x 8");
        Path uniform = tmp.resolve("uni");
        assertThat(run(train("--out", uniform.toString(), "--steps", "2", "--latent-dist", "uniform"))).isZero();
        assertOneLineError(run("interpolate", "--run", uniform.toString(), "--from", files[0], "--to", files[1], "--slerp",
                "--out", tmp.resolve("s2.png").toString()), "--slerp");
    }

    @Test
    void everyCommandHasHelpWithAnExample() {
        for (String cmd : new String[] {"demo", "train", "fit-encoder", "sample", "invert", "traverse", "interpolate", "direction",
                "edit", "evaluate", "report", "compare", "metrics"}) {
            assertThat(run(cmd, "--help")).isZero();
            assertThat(out.toString()).as(cmd).contains("Example").contains("./ganinv " + cmd);
        }
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("train").contains("invert").contains("demo")
                .contains("spark invert").contains("spark evaluate");
        assertThat(out.toString().lines()).allMatch(l -> l.length() <= 80);
    }

    @Test
    void userErrorsAreOneLineWithExitCode2() throws Exception {
        assertOneLineError(run(train("--out", tmp.resolve("a").toString(), "--resolution", "30")), "--resolution 30");
        assertOneLineError(run(train("--out", tmp.resolve("a").toString(), "--steps", "-3")), "--steps -3");
        assertOneLineError(run(train("--out", tmp.resolve("a").toString(), "--latent-dim", "0")), "--latent-dim 0");
        assertOneLineError(run(train("--out", tmp.resolve("a").toString(), "--arch", "vit")), "--arch vit");
        assertOneLineError(run(train("--out", tmp.resolve("a").toString(), "--arch", "stylegan2", "--width", "32",
                "--max-width", "16")), "--max-width 16");
        assertOneLineError(run(train("--out", tmp.resolve("a").toString(), "--g-ema", "-5")), "--g-ema -5");
        assertOneLineError(run(train("--out", tmp.resolve("a").toString(), "--method", "bigan", "--augment")), "--augment");
        assertOneLineError(run("train", "--out", tmp.resolve("a").toString(), "--data", tmp.resolve("missing").toString()),
                "no such file or folder");
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertOneLineError(run("train", "--out", tmp.resolve("a").toString(), "--data", empty.toString()), "no PNG or JPEG");
        Path badIdx = Files.write(tmp.resolve("x-idx3-ubyte"), new byte[] {1, 2, 3, 4, 5});
        assertOneLineError(run("train", "--out", tmp.resolve("a").toString(), "--data", badIdx.toString()), "magic");
        assertThat(tmp.resolve("a")).doesNotExist();
        assertOneLineError(run("invert", "--run", tmp.toString(), "--images", empty.toString(), "--out", tmp.resolve("o").toString()),
                "not a ganinv run");
        assertOneLineError(run("sample", "--run", tmp.toString(), "--out", tmp.resolve("o").toString()), "not a ganinv run");
        // A run folder is never overwritten by accident.
        Path run = tmp.resolve("run");
        assertThat(run(train("--out", run.toString(), "--steps", "2"))).isZero();
        assertOneLineError(run(train("--out", run.toString(), "--steps", "2")), "--force");
        assertThat(run.resolve("checkpoints/step-00000002.ckpt")).exists();
        assertOneLineError(run("invert", "--run", run.toString(), "--images", empty.toString(), "--out", tmp.resolve("o").toString()),
                "no PNG or JPEG");
        Files.write(run.resolve("checkpoints/step-00000002.ckpt"), new byte[] {1, 2, 3});
        assertOneLineError(run("sample", "--run", run.toString(), "--out", tmp.resolve("o").toString()), "step-00000002.ckpt");
        // picocli's own mistakes (unknown option, missing required) are exit 2 too.
        assertThat(run("train", "--no-such-flag")).isEqualTo(2);
    }
}
