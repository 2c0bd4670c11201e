package ganinv.train;

import ganinv.random.Rng;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ganinv.UserError;
import ganinv.data.Dataset;
import ganinv.data.ImageTensor;
import ganinv.data.Subset;
import ganinv.metrics.Classifier;
import ganinv.metrics.ClassifierConfig;
import ganinv.objective.Adam;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Trains the yardstick's classifier ({@link Classifier}) on labelled real images: softmax cross
 * entropy, Adam (β = 0.9, 0.999), batches drawn from a reshuffled order every epoch, with a
 * seeded share of the images held out of training and scored at the end.
 */
public final class ClassifierTraining {
    /** Held-out share of the images, at most {@link #MAX_HELD_OUT}. */
    private static final double HELD_OUT_SHARE = 0.1;
    private static final int MAX_HELD_OUT = 10_000;

    /** What the training gave: the classifier file's header (accuracy filled in) and the time spent. */
    public record Result(ClassifierConfig config, double seconds) {
    }

    private ClassifierTraining() {
    }

    /**
     * Trains on {@code data} (already at the config's channels and resolution) and writes {@code out}.
     *
     * @param data a finite labelled set of at least 20 images
     */
    public static Result run(ClassifierConfig cfg, Dataset data, Path out, NDManager manager, PrintStream log) {
        if (!data.hasLabels()) {
            throw new UserError("--data " + data.describe() + ": has no labels; the classifier needs class subfolders, an IDX"
                    + " file with its labels file, CIFAR-10 or shapes");
        }
        int n = (int) data.size();
        if (n < 20) {
            throw new UserError("--data has " + n + " images; the classifier needs at least 20");
        }
        long t0 = System.nanoTime();
        int[] order = Subset.RANDOM.indices(n, n, cfg.seed());
        int heldOut = Math.min(MAX_HELD_OUT, Math.max(2, (int) Math.round(n * HELD_OUT_SHARE)));
        int[] test = java.util.Arrays.copyOfRange(order, 0, heldOut);
        int[] train = java.util.Arrays.copyOfRange(order, heldOut, n);
        Engine.getInstance().setRandomSeed((int) cfg.seed());
        try (Classifier model = Classifier.create(cfg, "classifier", manager)) {
            Map<String, Adam> adams = Map.of(
                    "trunk", new Adam(model.networks().get("trunk"), manager, (float) cfg.learningRate(), 0.9f, 0.999f),
                    "head", new Adam(model.networks().get("head"), manager, (float) cfg.learningRate(), 0.9f, 0.999f));
            Rng rng = new Rng(cfg.seed() ^ 0xC1A55L);
            int k = cfg.classes().size();
            try (Progress progress = Progress.create("train-classifier", 0, cfg.steps(), log)) {
                double lossSum = 0;
                int[] epoch = shuffled(train, rng);
                int cursor = 0;
                for (int step = 1; step <= cfg.steps(); step++) {
                    if (cursor + cfg.batch() > epoch.length) {
                        epoch = shuffled(train, rng);
                        cursor = 0;
                    }
                    int[] rows = java.util.Arrays.copyOfRange(epoch, cursor, Math.min(epoch.length, cursor + cfg.batch()));
                    cursor += rows.length;
                    try (NDManager scope = manager.newSubManager()) {
                        lossSum += step(model, scope, data, rows, k);
                    }
                    adams.values().forEach(Adam::step);
                    boolean logNow = step % 100 == 0 || step == cfg.steps();
                    progress.update(step, Map.of("cross_entropy", lossSum / (logNow ? (step % 100 == 0 ? 100 : step % 100) : 1)), logNow);
                    if (logNow) {
                        lossSum = 0;
                    }
                }
            }
            List<byte[]> images = new ArrayList<>(test.length);
            int[] labels = new int[test.length];
            for (int i = 0; i < test.length; i++) {
                images.add(data.pixels(test[i]));
                labels[i] = data.label(test[i]);
            }
            double accuracy = ganinv.metrics.ClassMetrics.accuracy(
                    model.classify(images, data.channels(), data.resolution()), labels);
            ClassifierConfig measured = cfg.withAccuracy(train.length, test.length, accuracy);
            model.save(out, measured);
            return new Result(measured, (System.nanoTime() - t0) / 1e9);
        }
    }

    /** One Adam step's gradients: mean softmax cross entropy of a batch; returns the loss. */
    private static double step(Classifier model, NDManager scope, Dataset data, int[] rows, int classes) {
        List<byte[]> images = new ArrayList<>(rows.length);
        float[] oneHot = new float[rows.length * classes];
        for (int i = 0; i < rows.length; i++) {
            images.add(data.pixels(rows[i]));
            oneHot[i * classes + data.label(rows[i])] = 1f;
        }
        NDArray x = ImageTensor.batch(scope, images, data.channels(), data.resolution());  // [B, C, R, R]
        NDArray y = scope.create(oneHot, new Shape(rows.length, classes));                  // [B, K]
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray logits = model.logits(model.features(x));                               // [B, K]
            NDArray loss = logits.logSoftmax(1).mul(y).sum(new int[] {1}).mean().neg();
            gc.backward(loss);
            return loss.getFloat();
        }
    }

    private static int[] shuffled(int[] rows, Rng rng) {
        int[] out = rows.clone();
        for (int i = out.length - 1; i > 0; i--) {
            int j = (int) Math.floorMod(rng.nextLong(), (long) (i + 1));
            int t = out[i];
            out[i] = out[j];
            out[j] = t;
        }
        return out;
    }
}
