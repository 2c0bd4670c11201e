package ganinv.cli;

import ganinv.UserError;
import ganinv.data.ImageCodec;
import ganinv.data.Npy;
import ganinv.edit.Interpolation;
import ganinv.invert.Decode;
import ganinv.invert.Inversion;
import ganinv.model.LatentPrior;
import ganinv.model.NetConfig;
import ganinv.data.ImageGrid;
import ganinv.train.TrainedRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ganinv interpolate}: the generator's path between the codes of two images. */
@Command(name = "interpolate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Invert two images and render the path between their codes: a strip of --frames images from",
                "G(code of --from) to G(code of --to), linear or (--slerp) spherical. The codes of every frame",
                "go beside the strip as NAME.npy (frames x d)."},
        footer = {"", "Example:", "  ./ganinv interpolate --run runs/dls --from a.png --to b.png --frames 8 --slerp --out strip.png",
                "  ./ganinv interpolate --run runs/dls --from a.png --to b.png --mode hybrid --steps 200 --out strip-h.png"})
public final class InterpolateCommand extends RunCommand implements Callable<Integer> {
    @Option(names = "--from", required = true, description = "The first image (PNG/JPEG).")
    Path from;

    @Option(names = "--to", required = true, description = "The last image (PNG/JPEG).")
    Path to;

    @Option(names = "--frames", defaultValue = "8", description = "Images on the path, both ends included. Default: ${DEFAULT-VALUE}.")
    int frames;

    @Option(names = "--slerp", description = "Spherical instead of linear interpolation (normal priors only).")
    boolean slerp;

    @Mixin
    InverterOptions how;

    @Option(names = "--out", required = true, description = "The PNG strip to write.")
    Path out;

    @Override
    public Integer call() {
        if (frames < 2 || frames > 256) {
            throw new UserError("--frames " + frames + ": must be between 2 and 256");
        }
        try (TrainedRun trained = TrainedRun.load(run)) {
            if (slerp && trained.method().prior() != LatentPrior.NORMAL) {
                throw new UserError("--slerp: spherical paths are for a normal prior, and this run's is "
                        + trained.method().prior().name().toLowerCase() + "; drop --slerp");
            }
            NetConfig net = trained.method().net();
            int d = net.latentDim();
            List<byte[]> ends = List.of(ImageCodec.read(from, net.channels(), net.resolution()),
                    ImageCodec.read(to, net.channels(), net.resolution()));
            Inversion inversion = how.create(trained).invert(ends);
            float[] a = java.util.Arrays.copyOfRange(inversion.codes(), 0, d);
            float[] b = java.util.Arrays.copyOfRange(inversion.codes(), d, 2 * d);
            float[] path = Interpolation.path(a, b, frames, slerp);
            List<byte[]> images = new ArrayList<>(Decode.images(trained.method(), trained.manager(), path, 64));
            ImageGrid.write(images, net.channels(), net.resolution(), frames, out);
            Path codes = out.resolveSibling(out.getFileName().toString().replaceFirst("\\.png$", "") + ".npy");
            Npy.write(codes, new Npy.Matrix(frames, d, path));
            System.out.println("strip: " + out + "  (" + frames + " frames, " + (slerp ? "spherical" : "linear")
                    + ", codes by " + how.mode + ")  codes: " + codes);
        }
        return 0;
    }
}
