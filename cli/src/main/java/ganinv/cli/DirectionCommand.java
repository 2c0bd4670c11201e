package ganinv.cli;

import ganinv.UserError;
import ganinv.data.Dataset;
import ganinv.data.DataSpec;
import ganinv.data.Npy;
import ganinv.edit.AttributeDirection;
import ganinv.invert.EncoderInverter;
import ganinv.invert.Inversion;
import ganinv.model.NetConfig;
import ganinv.train.TrainedRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code ganinv direction}: an attribute direction from labelled images. */
@Command(name = "direction", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compute an attribute direction: the mean encoder code of images labelled --attribute minus",
                "the mean code of the others (or of those labelled --versus). Writes a 1 x d .npy for 'ganinv edit'."},
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

    @Override
    public Integer call() {
        if (count < 2) {
            throw new UserError("--count " + count + ": must be at least 2");
        }
        try (TrainedRun trained = TrainedRun.load(run)) {
            trained.requireEncoder();
            NetConfig net = trained.method().net();
            Dataset set = DataSpec.parse(data).open(net.channels(), net.resolution(), seed, count, System.err);
            if (!set.hasLabels()) {
                throw new UserError("--data " + data + ": has no labels; use a folder with class subfolders, IDX with its"
                        + " labels file, CIFAR-10 or shapes");
            }
            int with = labelOf(set, attribute, "--attribute");
            int other = versus == null ? -1 : labelOf(set, versus, "--versus");
            long n = set.size() < 0 ? count : Math.min(count, set.size());
            List<byte[]> images = new ArrayList<>();
            List<Integer> labels = new ArrayList<>();
            for (long i = 0; i < n; i++) {
                images.add(set.pixels(i));
                labels.add(set.label(i));
            }
            Inversion codes = new EncoderInverter(trained.method(), trained.manager(), 64).invert(images);
            float[] direction;
            try {
                direction = AttributeDirection.between(codes.codes(), net.latentDim(), labels, with, other);
            } catch (IllegalArgumentException e) {
                throw new UserError("--data " + data + ": " + e.getMessage() + " among the " + n + " images read; raise --count");
            }
            Npy.write(out, new Npy.Matrix(1, net.latentDim(), direction));
            double norm = 0;
            for (float v : direction) {
                norm += v * v;
            }
            System.out.printf(Locale.ROOT, "direction %s - %s from %d images: norm %.4f; written to %s%n", set.classNames().get(with),
                    other < 0 ? "the rest" : set.classNames().get(other), n, Math.sqrt(norm), out);
        }
        return 0;
    }

    private static int labelOf(Dataset set, String name, String flag) {
        List<String> names = set.classNames();
        int at = names.indexOf(name);
        if (at < 0 && name.matches("\\d+") && Integer.parseInt(name) < names.size()) {
            at = Integer.parseInt(name);
        }
        if (at < 0) {
            throw new UserError(flag + " " + name + ": not a label of this data; its labels are " + String.join(", ", names));
        }
        return at;
    }
}
