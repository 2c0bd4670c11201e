package ganinv.cli;

import ganinv.api.OutputPaths;
import ganinv.api.types.BadInputException;
import ganinv.api.FittedImages;
import ganinv.api.GanRun;
import ganinv.api.types.InvertMode;
import ganinv.api.ImageFiles;
import ganinv.api.InvertSettings;
import ganinv.api.Inversion;
import ganinv.api.JsonFiles;
import ganinv.api.NpyFiles;
import ganinv.api.PairScores;
import ganinv.api.Quality;
import ganinv.api.SkippedImage;
import ganinv.report.LossPlot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code ganinv invert}: latent codes for a folder of images. */
@Command(name = "invert", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Invert images into latent codes. Writes latents.npy (float32 N x d, rows in the order of "
                + "metrics.json's images), reconstructions/*.png, grid.png (input | reconstruction) and "
                + "metrics.json; optimize and hybrid also write loss.csv and loss.png (the mean objective per "
                + "step).",
        footer = {"", "Example:", "  ./ganinv invert --run runs/lr --images my-images/ --mode encoder --out runs/lr/inverted",
                "  ./ganinv invert --run runs/lr --images my-images/ --mode hybrid --steps 200 --loss l2+features --out inv-h"})
public final class InvertCommand extends RunCommand implements Callable<Integer> {
    @Option(names = "--images", required = true,
            description = "Folder of PNG/JPEG images (recursive); other sizes and channel counts are converted.")
    Path images;

    @Mixin
    InverterOptions how;

    @Option(names = "--out", required = true, description = "Output folder.")
    Path out;

    @Option(names = "--max-pixels", defaultValue = "100000000", description = "Skip (and report) images whose header "
            + "claims more pixels (width x height) than this, before decoding them. Default: ${DEFAULT-VALUE}.")
    long maxPixels;

    @Mixin
    GeneratorOption generator;

    @Mixin
    EncoderOption encoder;

    @Override
    public Integer call() {
        OutputPaths.refuseRunOwned(out, "--out");
        try (GanRun gan = generator.open(run, device, encoder.choice())) {
            InvertSettings settings = how.settings();
            FittedImages inputs = readImages(gan, images, maxPixels, "--images");
            long t0 = System.nanoTime();
            Inversion inversion = gan.invert(inputs, settings, null);
            double seconds = (System.nanoTime() - t0) / 1e9;
            List<BufferedImage> originals = inputs.images();
            List<BufferedImage> reconstructions = gan.render(inversion.codes());
            PairScores pairs = Quality.pairs(inputs.names(), originals, reconstructions, gan.channels());
            List<BufferedImage> gridTiles = new ArrayList<>();
            for (int i = 0; i < inputs.size(); i++) {
                ImageFiles.writePng(reconstructions.get(i), out.resolve("reconstructions").resolve(pngName(inputs.names().get(i))));
                if (i < 64) {
                    gridTiles.add(originals.get(i));
                    gridTiles.add(reconstructions.get(i));
                }
            }
            NpyFiles.write(out.resolve("latents.npy"), inversion.codes());
            ImageFiles.writeGrid(gridTiles, 16, out.resolve("grid.png"));
            Map<String, Object> head = new LinkedHashMap<>();
            head.put("mode", settings.mode().toString());
            head.put("run", run.toString());
            head.put("method", gan.method().toString());
            head.put("step", gan.step());
            head.put("generator", gan.generator().toString());
            if (settings.mode() != InvertMode.OPTIMIZE && gan.encoder() != null) {
                head.put("encoder", gan.encoder().toString());
            }
            head.put("seconds", seconds);
            double[] loss = inversion.lossHistory();
            head.put("steps", loss.length);
            if (loss.length > 0) {
                head.put("loss", settings.loss().toString());
                head.put("final_loss", loss[loss.length - 1]);
                LossPlot.writeCsv(loss, "loss", out.resolve("loss.csv"));
                LossPlot.writePng(loss, settings.mode() + " inversion of " + inputs.size() + " images",
                        settings.loss() + " objective (mean)", out.resolve("loss.png"));
            }
            JsonFiles.write(out.resolve("metrics.json"), pairs.json(head));
            System.out.printf(Locale.ROOT, "inverted %d images by %s in %.2f s: mean PSNR %.2f dB, mean SSIM %.4f%n",
                    inputs.size(), settings.mode(), seconds, pairs.meanPsnr(), pairs.meanSsim());
            System.out.println("latents: " + out.resolve("latents.npy") + "  grid: " + out.resolve("grid.png")
                    + "  metrics: " + out.resolve("metrics.json"));
        }
        return 0;
    }

    /**
     * A folder's images as the run sees them; unreadable files are skipped and reported on stderr
     * in one line, and a folder with none readable is refused naming {@code flag}.
     */
    static FittedImages readImages(GanRun gan, Path folder, long maxPixels, String flag) {
        FittedImages inputs;
        try {
            inputs = FittedImages.readFolder(gan, folder, maxPixels);
        } catch (BadInputException e) {
            throw new BadInputException(flag + " " + e.getMessage(), e);
        }
        List<SkippedImage> skipped = inputs.skipped();
        if (!skipped.isEmpty()) {
            System.err.println("warning: skipped " + skipped.size() + " of " + (inputs.size() + skipped.size())
                    + " images tried in " + folder + " that could not be read; first: " + skipped.get(0).reason());
        }
        return inputs;
    }

    /** "dir/a.jpg" becomes "dir/a.png": outputs are always PNG. */
    static String pngName(String name) {
        int dot = name.lastIndexOf('.');
        return (dot > name.lastIndexOf('/') ? name.substring(0, dot) : name) + ".png";
    }
}
