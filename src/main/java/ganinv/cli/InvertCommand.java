package ganinv.cli;

import ganinv.UserError;
import ganinv.data.ImageCodec;
import ganinv.data.Npy;
import ganinv.invert.EncoderInverter;
import ganinv.invert.Inversion;
import ganinv.invert.Inverter;
import ganinv.metrics.ImagePairs;
import ganinv.model.NetConfig;
import ganinv.report.ImageGrid;
import ganinv.report.JsonFiles;
import ganinv.train.TrainedRun;
import picocli.CommandLine.Command;
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
                "metrics.json's images), reconstructions/*.png, grid.png (input | reconstruction) and metrics.json."},
        footer = {"", "Example:", "  ./ganinv invert --run runs/lr --images my-images/ --mode encoder --out runs/lr/inverted"})
public final class InvertCommand implements Callable<Integer> {
    @Option(names = "--run", required = true, description = "A run folder made by 'ganinv train'.")
    Path run;

    @Option(names = "--images", required = true,
            description = "Folder of PNG/JPEG images (recursive); other sizes and channel counts are converted.")
    Path images;

    @Option(names = "--mode", defaultValue = "encoder", description = "How to invert: encoder. Default: ${DEFAULT-VALUE}.")
    String mode;

    @Option(names = "--batch", defaultValue = "64", description = "Images per forward pass. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--out", required = true, description = "Output folder.")
    Path out;

    @Override
    public Integer call() {
        if (!mode.equals("encoder")) {
            throw new UserError("--mode " + mode + ": not available; this version inverts with --mode encoder");
        }
        if (batch < 1) {
            throw new UserError("--batch " + batch + ": must be at least 1");
        }
        try (TrainedRun trained = TrainedRun.load(run)) {
            trained.requireEncoder();
            NetConfig net = trained.method().net();
            ImageInputs inputs = ImageInputs.read(images, net.channels(), net.resolution(), "--images", System.err);
            Inverter inverter = new EncoderInverter(trained.method(), trained.manager(), batch);
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
            head.put("seconds", seconds);
            JsonFiles.write(out.resolve("metrics.json"), pairs.toJson(head));
            System.out.printf(Locale.ROOT, "inverted %d images with the %s in %.2f s: mean PSNR %.2f dB, mean SSIM %.4f%n",
                    inversion.count(), inverter.mode(), seconds, pairs.meanPsnr(), pairs.meanSsim());
            System.out.println("latents: " + out.resolve("latents.npy") + "  grid: " + out.resolve("grid.png")
                    + "  metrics: " + out.resolve("metrics.json"));
        }
        return 0;
    }
}
