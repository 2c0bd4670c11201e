package ganinv.cli;

import ganinv.api.types.Architecture;
import ganinv.api.Recipe;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ganinv.api.ImageFiles;
import ganinv.api.Quality;
import ganinv.api.TrainingFailedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code ganinv demo}: the main job on the built-in data, as a script of the other commands so
 * that it exercises exactly what a user would type.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train DLSGAN on the built-in shapes for a few minutes, draw samples, invert 64 held-out shapes "
                + "with the encoder, traverse the 8 most important latent elements, train a classifier of the "
                + "shapes as a yardstick, write report.html, and print where everything is, the mean PSNR/SSIM, "
                + "the classes the samples cover and the share of reconstructions that keep their class. Replaces "
                + "--out.",
        footer = {"", "Example:", "  ./ganinv demo", "  ./ganinv demo --out /tmp/demo --steps 500   # a quicker look"})
public final class DemoCommand implements Callable<Integer> {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Seed of the held-out shapes: a different seed, so no held-out image was seen in training. */
    private static final long HELD_OUT_SEED = 1_000_003L;

    @Option(names = "--out", defaultValue = "demo-run", description = "Run folder (replaced). Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--steps", defaultValue = "2000", description = "Training steps. Default: ${DEFAULT-VALUE}.")
    int steps;

    @Option(names = "--fit-steps", description = "Steps of fitting an encoder to the trained G on the training shapes"
            + " (fit-encoder); 0 skips it. Default: as --steps.")
    Integer fitSteps;

    @Option(names = "--seed", defaultValue = "0", description = "Seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--arch", description = "Network family: dcgan-up (the default recipe's: it inverts best at"
            + " this budget, see docs/quality.md) or stylegan2 (sampled from G's EMA, half-life 5000 images)."
            + " Default: ${DEFAULT-VALUE}.")
    String arch;

    @picocli.CommandLine.Mixin
    DeviceOption on;

    /** A step of the demo, on the demo's device. */
    private int onDevice(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--device";
        all[args.length + 1] = on.device;
        return Main.run(all);
    }

    @Override
    public Integer call() throws IOException {
        long t0 = System.nanoTime();
        Architecture family = Architecture.parse(arch);
        int code = onDevice("train", "--method", Recipe.METHOD.toString(), "--data", "shapes", "--out", out.toString(),
                "--steps", Integer.toString(steps), "--seed", Long.toString(seed), "--force",
                "--log-every", "100", "--sample-every", "1000", "--checkpoint-every", "1000",
                "--arch", family.toString(), "--g-ema", family == Architecture.STYLEGAN2 ? "5000" : "0");
        if (code == TrainingFailedException.EXIT_CODE) {
            System.err.println("demo: training failed (above); what it drew before that is in " + out.resolve("samples")
                    + "; try another --seed, and please report the seed, your CPU and GANINV_THREADS");
        }
        if (code != 0) {
            return code;
        }
        int fit = fitSteps != null ? fitSteps : steps;
        if (fit > 0) {             // the encoder every later step inverts with: fitted to real shapes, G frozen
            code = onDevice("fit-encoder", "--run", out.toString(), "--steps", Integer.toString(fit), "--log-every", "250",
                    "--sample-every", Integer.toString(fit), "--checkpoint-every", Integer.toString(fit));
            if (code != 0) {
                return code;
            }
        }
        code = onDevice("sample", "--run", out.toString(), "--count", "64", "--out", out.resolve("samples-final").toString());
        if (code != 0) {
            return code;
        }
        Path heldOut = out.resolve("held-out");
        ImageFiles.writeShapes(heldOut, seed + HELD_OUT_SEED, 64, 32);
        Path inverted = out.resolve("inverted");
        code = onDevice("invert", "--run", out.toString(), "--images", heldOut.toString(), "--mode", "encoder",
                "--out", inverted.toString());
        if (code != 0) {
            return code;
        }
        code = onDevice("traverse", "--run", out.toString(), "--elements", "8", "--range", "2", "--steps", "9",
                "--out", out.resolve("traverse.png").toString());
        if (code != 0) {
            return code;
        }
        // The yardstick that sees shape: a classifier of the shapes' own labels (another seed than the
        // held-out shapes), for classes covered by the samples and class kept by the encoder.
        Path classifier = out.resolve("shapes-classifier.cls");
        code = onDevice("train-classifier", "--data", "shapes", "--count", "20000", "--steps", "600",
                "--out", classifier.toString());
        if (code != 0) {
            return code;
        }
        code = onDevice("report", "--run", out.toString(), "--classifier", classifier.toString());
        if (code != 0) {
            return code;
        }
        JsonNode evaluation = MAPPER.readTree(out.resolve("evaluate.json").toFile());
        JsonNode metrics = MAPPER.readTree(inverted.resolve("metrics.json").toFile());
        JsonNode train = lastLine(out.resolve("metrics.jsonl"));
        double minutes = (System.nanoTime() - t0) / 60e9;
        System.out.println();
        System.out.printf(Locale.ROOT, "demo finished in %.1f min%n", minutes);
        System.out.println("  run:             " + out + "  (config.json, metrics.jsonl, checkpoints/)");
        System.out.println("  training grids:  " + out.resolve("samples"));
        System.out.println("  samples:         " + out.resolve("samples-final/grid.png"));
        System.out.println("  held-out inputs: " + heldOut);
        System.out.println("  inversion grid:  " + inverted.resolve("grid.png") + "  (input | reconstruction)");
        System.out.println("  traversal:       " + out.resolve("traverse.png") + "  (8 largest-scale elements, -2 to 2)");
        System.out.printf(Locale.ROOT, "  latent entropy %.2f nats, L_enc %.4f, s from %.3f to %.3f (last interval)%n",
                train.path("entropy").asDouble(), train.path("l_enc").asDouble(), train.path("s_min").asDouble(),
                train.path("s_max").asDouble());
        System.out.printf(Locale.ROOT, "  encoder inversion of 64 held-out shapes (%s encoder): mean PSNR %.2f dB, mean SSIM %.4f%n",
                metrics.path("encoder").asText(), metrics.path("mean").path("psnr").asDouble(),
                metrics.path("mean").path("ssim").asDouble());
        JsonNode encoders = evaluation.path("encoders");
        if (encoders.has("fitted") && encoders.has("trained")) {
            System.out.printf(Locale.ROOT, "  on %d held-out shapes: fitted encoder %.2f dB, class kept %.1f%%; trained encoder"
                            + " %.2f dB, class kept %.1f%%%n", evaluation.path("count").asInt(),
                    encoders.path("fitted").path("psnr_real").asDouble(), 100 * encoders.path("fitted").path("class_kept_encoder").asDouble(),
                    encoders.path("trained").path("psnr_real").asDouble(), 100 * encoders.path("trained").path("class_kept_encoder").asDouble());
        }
        System.out.printf(Locale.ROOT, "  classifier yardstick (accuracy %.3f on held-out shapes): samples cover %d of 3 classes"
                        + " (class KL %.3f nats); encoder reconstructions keep their class for %.1f%% of %d held-out shapes%n",
                evaluation.path("classifier_accuracy").asDouble(), evaluation.path("classes_covered").asInt(),
                evaluation.path("class_kl").asDouble(), 100 * evaluation.path("class_kept_encoder").asDouble(),
                evaluation.path("count").asInt());
        System.out.printf(Locale.ROOT, "  colour spread of the 64 samples' mean colours %.3f (the 64 held-out shapes': %.3f)%n",
                Quality.colourSpread(images(out.resolve("samples-final"), "sample-")), Quality.colourSpread(images(heldOut, "")));
        System.out.printf(Locale.ROOT, "  last training interval: %.1f images/s%n", train.path("images_per_s").asDouble());
        System.out.println("  report:          " + out.resolve("report.html").toAbsolutePath() + "  (open it in a browser)");
        return 0;
    }

    /** The PNGs in a folder whose names start with {@code prefix}, in name order. */
    private static java.util.List<java.awt.image.BufferedImage> images(Path folder, String prefix) throws IOException {
        try (var files = java.nio.file.Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix) && f.toString().endsWith(".png")).sorted()
                    .map(f -> ImageFiles.read(f, ImageFiles.DEFAULT_MAX_PIXELS)).toList();
        }
    }

    private static JsonNode lastLine(Path jsonl) throws IOException {
        var lines = java.nio.file.Files.readAllLines(jsonl);
        return MAPPER.readTree(lines.get(lines.size() - 1));
    }
}
