package ganinv.cli;

import ganinv.api.OutputPaths;
import ganinv.api.types.BadInputException;
import ganinv.api.Edits;
import ganinv.api.GanRun;
import ganinv.api.ImageFiles;
import ganinv.api.types.LatentDistribution;
import ganinv.api.NpyFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ganinv interpolate}: the generator's path between the codes of two images. */
@Command(name = "interpolate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Invert two images and render the path between their codes: a strip of --frames images from "
                + "G(code of --from) to G(code of --to), linear or (--slerp) spherical. The codes of every frame "
                + "go beside the strip as NAME.npy (frames x d).",
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

    @Mixin
    EncoderOption encoder;

    @Override
    public Integer call() {
        OutputPaths.refuseRunOwned(out, "--out");
        if (frames < 2 || frames > 256) {
            throw new BadInputException("--frames " + frames + ": must be between 2 and 256", null);
        }
        try (GanRun gan = GanRun.open(run, null, device, encoder.choice())) {
            if (slerp && gan.latentDistribution() != LatentDistribution.NORMAL) {
                throw new BadInputException("--slerp: spherical paths are for a normal prior, and this run's is "
                        + gan.latentDistribution() + "; drop --slerp", null);
            }
            float[][] ends = gan.invertFiles(List.of(from, to), how.settings(), null);
            float[][] path = Edits.interpolate(ends[0], ends[1], frames, slerp);
            ImageFiles.writeGrid(gan.render(path), frames, out);
            Path codes = out.resolveSibling(out.getFileName().toString().replaceFirst("\\.png$", "") + ".npy");
            NpyFiles.write(codes, path);
            System.out.println("strip: " + out + "  (" + frames + " frames, " + (slerp ? "spherical" : "linear")
                    + ", codes by " + how.mode + ")  codes: " + codes);
        }
        return 0;
    }
}
