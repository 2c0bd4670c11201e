package ganinv.cli;

import ganinv.UserError;
import ganinv.data.ImageCodec;
import ganinv.data.Npy;
import ganinv.edit.AttributeDirection;
import ganinv.invert.Decode;
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

/** {@code ganinv edit}: an image moved along an attribute direction. */
@Command(name = "edit", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Invert an image and render its code moved along a direction (from 'ganinv direction') by each",
                "strength: a strip, left to right in the order of --strengths (0 is the plain reconstruction)."},
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

    @Override
    public Integer call() {
        try (TrainedRun trained = TrainedRun.load(run)) {
            NetConfig net = trained.method().net();
            Npy.Matrix dir = Npy.read(direction);
            if (dir.rows() != 1 || dir.cols() != net.latentDim()) {
                throw new UserError("--direction " + direction + ": holds " + dir.rows() + " x " + dir.cols()
                        + " values; this run needs 1 x " + net.latentDim() + " (made by 'ganinv direction' on this run)");
            }
            float[] base = how.create(trained).invert(List.of(ImageCodec.read(image, net.channels(), net.resolution())))
                    .codes();
            float[] codes = AttributeDirection.along(base, dir.data(), strengths);
            List<byte[]> images = new ArrayList<>(Decode.images(trained.method(), trained.manager(), codes, 64));
            ImageGrid.write(images, net.channels(), net.resolution(), strengths.length, out);
            System.out.println("strip: " + out + "  (" + strengths.length + " strengths, code by " + how.mode + ", " + trained.method().sampler().name() + ")");
        }
        return 0;
    }
}
