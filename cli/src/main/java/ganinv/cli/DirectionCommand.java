package ganinv.cli;

import ganinv.api.OutputPaths;
import ganinv.api.Direction;
import ganinv.api.Edits;
import ganinv.api.GanRun;
import ganinv.api.NpyFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code ganinv direction}: an attribute direction from labelled images. */
@Command(name = "direction", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Compute an attribute direction: the mean encoder code of images labelled --attribute minus the "
                + "mean code of the others (or of those labelled --versus). Writes a 1 x d .npy for 'ganinv edit'.",
        footer = {"", "Example:", "  ./ganinv direction --run runs/dls --data shapes --attribute circle --versus square --out circle.npy",
                "  ./ganinv direction --run runs/dls --data photos/ --attribute smiling --out smiling.npy"})
public final class DirectionCommand extends RunCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "Labelled images: shapes, a folder with class subfolders, IDX with labels, CIFAR-10.")
    String data;

    @Option(names = "--attribute", required = true, description = "The label (class name or number) that has the attribute.")
    String attribute;

    @Option(names = "--versus", description = "Compare with this label only, instead of every other label.")
    String versus;

    @Option(names = "--count", defaultValue = "1000", description = "Images to read: shapes drawn with --seed; from a larger folder, IDX or CIFAR-10 source, N drawn uniformly at random with --seed. Default: ${DEFAULT-VALUE}.")
    long count;

    @Option(names = "--seed", defaultValue = "7", description = "Seed of the shapes drawn, or of the random sample of a larger source. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--out", required = true, description = "The .npy file to write (1 x d float32).")
    Path out;

    @Mixin
    EncoderOption encoder;

    @Override
    public Integer call() {
        OutputPaths.refuseRunOwned(out, "--out");
        try (GanRun gan = GanRun.open(run, null, device, encoder.choice())) {
            Direction d = Edits.attributeDirection(gan, data, attribute, versus, count, seed);
            NpyFiles.write(out, new float[][] {d.vector()});
            System.out.printf(Locale.ROOT, "direction %s - %s from %d images: norm %.4f; written to %s%n", d.attribute(),
                    d.versus() == null ? "the rest" : d.versus(), d.images(), d.norm(), out);
        }
        return 0;
    }
}
