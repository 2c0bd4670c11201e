package ganinv.cli;

import ganinv.api.OutputPaths;
import ganinv.api.YardstickClassifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code ganinv train-classifier}: the learned yardstick of evaluate, report and compare. */
@Command(name = "train-classifier", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train a small CNN classifier on labelled real images (class subfolders, an IDX file with its "
                + "labels file, CIFAR-10, or shapes), hold out 10%% of them (at most 10,000) and print its accuracy "
                + "on those. 'evaluate --classifier FILE' then measures FID/KID over its features, the classes a "
                + "generator covers, and whether reconstructions keep their class.",
        footer = {"", "Examples:",
                "  ./ganinv train-classifier --data /usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz --channels 1 --out fmnist.cls",
                "  ./ganinv train-classifier --data shapes --out shapes.cls"})
public final class TrainClassifierCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    DeviceOption on;

    @Option(names = "--data", required = true, description = "Labelled images: shapes, a folder with class subfolders, IDX or CIFAR-10.")
    String data;

    @Option(names = "--out", required = true, description = "The classifier file to write (replaced).")
    Path out;

    @Option(names = "--resolution", defaultValue = "32", description = "Image side R the classifier sees; other sizes are resized to it. Default: ${DEFAULT-VALUE}.")
    int resolution;

    @Option(names = "--channels", defaultValue = "3", description = "1 (gray) or 3 (RGB); other images are converted. Default: ${DEFAULT-VALUE}.")
    int channels;

    @Option(names = "--count", defaultValue = "-1", description = "Images to use (N drawn at random with --seed from a larger source); shapes: 20000 unless given. Default: all.")
    long count;

    @Option(names = "--steps", defaultValue = "1500", description = "Adam steps. Default: ${DEFAULT-VALUE}.")
    int steps;

    @Option(names = "--batch", defaultValue = "64", description = "Images per step. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--lr", defaultValue = "0.002", description = "Adam learning rate. Default: ${DEFAULT-VALUE}.")
    double lr;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the weights, the held-out draw and the batches. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Override
    public Integer call() {
        OutputPaths.refuseRunOwned(out, "--out");
        YardstickClassifier.Trained r = YardstickClassifier.train(data, out, channels, resolution, count, steps, batch, lr,
                seed, System.out, on.device);
        System.out.printf(Locale.ROOT, "classifier: %d classes, trained on %d images in %.1f s; accuracy on %d held-out"
                + " images %.4f%n", r.classes().size(), r.trainImages(), r.seconds(), r.heldOutImages(), r.heldOutAccuracy());
        System.out.println("written to " + out);
        return 0;
    }
}
