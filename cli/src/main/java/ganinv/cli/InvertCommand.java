package ganinv.cli;

import ganinv.UserError;

import ganinv.data.ImageCodec;
import ganinv.data.Npy;
import ganinv.invert.Inversion;
import ganinv.invert.Inverter;
import ganinv.metrics.ImagePairs;
import ganinv.model.NetConfig;
import ganinv.data.ImageGrid;
import ganinv.data.JsonFiles;
import ganinv.report.LossPlot;
import ganinv.train.TrainedRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code ganinv invert}: latent codes for a folder of images. */
@Command(name = "invert", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Invert images into latent codes. Writes latents.npy (float32 N x d, rows in the order of",
                "metrics.json's images), reconstructions/*.png, grid.png (input | reconstruction) and metrics.json;",
                "optimize and hybrid also write loss.csv and loss.png (the mean objective per step)."},
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

    @Override
    public Integer call() {
        if (maxPixels < 1) {
            throw new UserError("--max-pixels " + maxPixels + ": must be at least 1");
        }
        try (TrainedRun trained = TrainedRun.load(run)) {
            generator.apply(trained);
            Inverter inverter = how.create(trained);
            NetConfig net = trained.method().net();
            ImageInputs inputs = ImageInputs.read(images, net.channels(), net.resolution(), maxPixels, "--images", System.err);
            long t0 = System.nanoTime();
            Inversion inversion = inverter.invert(inputs.images());
            double seconds = (System.nanoTime() - t0) / 1e9;
            ImagePairs pairs = new ImagePairs();
            List<byte[]> gridTiles = new ArrayList<>();
            for (int i = 0; i < inversion.count(); i++) {
                byte[] original = inputs.images().get(i);
                byte[] reconstruction = inversion.reconstructions().get(i);
                pairs.add(inputs.names().get(i), original, reconstruction, net.channels(), net.resolution(), net.resolution());
                ImageCodec.writePng(reconstruction, net.channels(), net.resolution(), net.resolution(),
                        out.resolve("reconstructions").resolve(ImageInputs.pngName(inputs.names().get(i))));
                if (i < 64) {
                    gridTiles.add(original);
                    gridTiles.add(reconstruction);
                }
            }
            Npy.write(out.resolve("latents.npy"), new Npy.Matrix(inversion.count(), inversion.latentDim(), inversion.codes()));
            ImageGrid.write(gridTiles, net.channels(), net.resolution(), 16, out.resolve("grid.png"));
            Map<String, Object> head = new LinkedHashMap<>();
            head.put("mode", inverter.mode());
            head.put("run", run.toString());
            head.put("method", trained.method().name());
            head.put("step", trained.step());
            head.put("generator", trained.method().sampler().name());
            head.put("seconds", seconds);
            head.put("steps", inversion.lossHistory().length);
            if (inversion.lossHistory().length > 0) {
                head.put("loss", how.loss);
                head.put("final_loss", inversion.lossHistory()[inversion.lossHistory().length - 1]);
                LossPlot.writeCsv(inversion.lossHistory(), "loss", out.resolve("loss.csv"));
                LossPlot.writePng(inversion.lossHistory(), inverter.mode() + " inversion of " + inversion.count() + " images",
                        how.loss + " objective (mean)", out.resolve("loss.png"));
            }
            JsonFiles.write(out.resolve("metrics.json"), pairs.toJson(head));
            System.out.printf(Locale.ROOT, "inverted %d images by %s in %.2f s: mean PSNR %.2f dB, mean SSIM %.4f%n",
                    inversion.count(), inverter.mode(), seconds, pairs.meanPsnr(), pairs.meanSsim());
            System.out.println("latents: " + out.resolve("latents.npy") + "  grid: " + out.resolve("grid.png")
                    + "  metrics: " + out.resolve("metrics.json"));
        }
        return 0;
    }
}
