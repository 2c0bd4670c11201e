package ganinv.api;

import ai.djl.ndarray.NDManager;
import ganinv.data.DataSpec;
import ganinv.data.Dataset;
import ganinv.metrics.ClassifierConfig;
import ganinv.model.NoGrad;
import ganinv.train.ClassifierTraining;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The learned yardstick: a small CNN classifier of labelled real images, written to a file that
 * {@link GanRun#evaluate(String, EvaluationSettings)} and {@code ganinv evaluate --classifier}
 * read. What {@code ganinv train-classifier} runs.
 */
public final class YardstickClassifier {
    private YardstickClassifier() {
    }

    /**
     * What a training gave.
     *
     * @param file the classifier file written
     * @param classes the class names, indexed by label
     * @param trainImages images it was trained on
     * @param heldOutImages images held out (10%, at most 10,000) and scored
     * @param heldOutAccuracy its accuracy on those, 0..1
     * @param seconds the time spent, data loading excluded
     * @param data a description of the data
     */
    public record Trained(Path file, List<String> classes, int trainImages, int heldOutImages, double heldOutAccuracy,
                          double seconds, String data) {
    }

    /**
     * Trains a classifier and writes it to {@code out} (replaced).
     *
     * @param data labelled images: "shapes", a folder with class subfolders, an MNIST IDX file with its labels
     *     file, or a CIFAR-10 binary folder
     * @param out the file to write
     * @param channels 1 or 3: the channels the classifier sees (other images are converted)
     * @param resolution 8, 16, 32, 64, 128 or 256: the size it sees (other images are resized)
     * @param count images to use (a seeded random sample of a larger source); -1 for all (shapes: 20,000)
     * @param steps Adam steps of 64 images at learning rate 0.002 (1500 take about a minute on 2 cores at 32x32)
     * @param seed seed of the weights, the held-out draw and the batches
     * @param log where the progress goes, or null for none
     * @return what was trained and how well it classifies held-out images
     */
    public static Trained train(String data, Path out, int channels, int resolution, long count, int steps, long seed,
                                PrintStream log) {
        return train(data, out, channels, resolution, count, steps, 64, 0.002, seed, log);
    }

    /**
     * As {@link #train(String, Path, int, int, long, int, long, PrintStream)}, with the batch and learning rate.
     *
     * @param data labelled images (see the shorter form)
     * @param out the file to write
     * @param channels 1 or 3
     * @param resolution the side the classifier sees
     * @param count images to use; -1 for all (shapes: 20,000)
     * @param steps Adam steps
     * @param batch images per step
     * @param learningRate Adam's step size
     * @param seed seed of the weights, the held-out draw and the batches
     * @param log where the progress goes, or null for none
     * @return what was trained and how well it classifies held-out images
     */
    public static Trained train(String data, Path out, int channels, int resolution, long count, int steps, int batch,
                                double learningRate, long seed, PrintStream log) {
        return train(data, out, channels, resolution, count, steps, batch, learningRate, seed, log, "cpu");
    }

    /**
     * As above, on a device.
     *
     * @param data labelled images
     * @param out the file to write
     * @param channels 1 or 3
     * @param resolution the side the classifier sees
     * @param count images to use; -1 for all (shapes: 20,000)
     * @param steps Adam steps
     * @param batch images per step
     * @param learningRate Adam's step size
     * @param seed seed of the weights, the held-out draw and the batches
     * @param log where the progress goes, or null for none
     * @param device cpu, gpu or gpu:N
     * @return what was trained and how well it classifies held-out images
     */
    public static Trained train(String data, Path out, int channels, int resolution, long count, int steps, int batch,
                                double learningRate, long seed, PrintStream log, String device) {
        Guard.require(data != null && out != null, "data and out must not be null");
        Session.GRADIENTS.lock();
        try {
            return Guard.call(() -> {
                DataSpec spec = DataSpec.parse(data);
                long n = count > 0 ? count : spec.kind() == DataSpec.Kind.SHAPES ? 20_000 : -1;
                PrintStream sink = log != null ? log : new PrintStream(java.io.OutputStream.nullOutputStream());
                Dataset set = spec.open(channels, resolution, seed, n, sink);
                ClassifierConfig cfg = new ClassifierConfig(channels, resolution, set.classNames(), set.describe(), 0, 0,
                        Double.NaN, steps, batch, learningRate, seed);
                try (NoGrad noGrad = new NoGrad(); NDManager manager = NDManager.newBaseManager(ganinv.model.Devices.parse(device))) {
                    ClassifierTraining.Result r = ClassifierTraining.run(cfg, set, out, manager, sink);
                    ClassifierConfig c = r.config();
                    return new Trained(out, c.classes(), c.trainImages(), c.heldOutImages(), c.heldOutAccuracy(),
                            r.seconds(), c.data());
                }
            });
        } finally {
            Session.GRADIENTS.unlock();
        }
    }
}
