package ganinv.cli;

import ganinv.api.OutputPaths;
import ganinv.api.types.BadInputException;
import ganinv.api.Edits;
import ganinv.api.GanRun;
import ganinv.api.ImageFiles;
import ganinv.api.NpyFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ganinv edit}: an image moved along an attribute direction. */
@Command(name = "edit", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Invert an image and render its code moved along a direction (from 'ganinv direction') by each "
                + "strength: a strip, left to right in the order of --strengths (0 is the plain reconstruction).",
        footer = {"", "Example:", "  ./ganinv edit --run runs/dls --image square.png --direction circle.npy --strengths -2,-1,0,1,2 --out edit.png"})
public final class EditCommand extends RunCommand implements Callable<Integer> {
    @Option(names = "--image", required = true, description = "The image to edit (PNG/JPEG).")
    Path image;

    @Option(names = "--direction", required = true, description = "A 1 x d .npy direction.")
    Path direction;

    @Option(names = "--strengths", defaultValue = "-2,-1,0,1,2", split = ",",
            description = "Multiples of the direction to add. Default: ${DEFAULT-VALUE}.")
    double[] strengths;

    @Mixin
    InverterOptions how;

    @Option(names = "--out", required = true, description = "The PNG strip to write.")
    Path out;

    @Mixin
    EncoderOption encoder;

    @Override
    public Integer call() {
        OutputPaths.refuseRunOwned(out, "--out");
        try (GanRun gan = GanRun.open(run, null, device, encoder.choice())) {
            float[][] dir = NpyFiles.read(direction);
            if (dir.length != 1 || dir[0].length != gan.latentDim()) {
                throw new BadInputException("--direction " + direction + ": holds " + dir.length + " x "
                        + (dir.length == 0 ? 0 : dir[0].length) + " values; this run needs 1 x " + gan.latentDim()
                        + " (made by 'ganinv direction' on this run)", null);
            }
            float[] base = gan.invertFiles(List.of(image), how.settings(), null)[0];
            float[][] codes = new float[strengths.length][];
            for (int k = 0; k < strengths.length; k++) {
                codes[k] = Edits.applyDirection(base, dir[0], strengths[k]);
            }
            ImageFiles.writeGrid(gan.render(codes), strengths.length, out);
            System.out.println("strip: " + out + "  (" + strengths.length + " strengths, code by " + how.mode + ", "
                    + gan.generator() + ")");
        }
        return 0;
    }
}
