package ganinv.metrics;

import ganinv.UserError;

import java.util.List;

/**
 * What a yardstick classifier is and how it was made; the header of its file, so that every
 * classifier carries its own provenance and its trust (held-out accuracy).
 *
 * @param channels 1 or 3: images of other channels are converted (gray→RGB replicated, RGB→gray luma)
 * @param resolution R = 4·2^k: images of another size are area-resized
 * @param classes class names indexed by label
 * @param data the description of the data it was trained on
 * @param trainImages images it was trained on
 * @param heldOutImages images held out of training and scored
 * @param heldOutAccuracy its accuracy on those
 */
public record ClassifierConfig(int channels, int resolution, List<String> classes, String data, int trainImages,
                               int heldOutImages, double heldOutAccuracy, int steps, int batch, double learningRate,
                               long seed) {
    public ClassifierConfig {
        if (channels != 1 && channels != 3) {
            throw new UserError("--channels " + channels + ": must be 1 (gray) or 3 (RGB)");
        }
        if (resolution < 8 || resolution > 256 || Integer.bitCount(resolution) != 1) {
            throw new UserError("--resolution " + resolution + ": must be 8, 16, 32, 64, 128 or 256");
        }
        if (classes == null || classes.size() < 2) {
            throw new UserError("the classifier needs labelled data with at least 2 classes (class subfolders, an IDX"
                    + " file with its labels file, CIFAR-10 or shapes)");
        }
        classes = List.copyOf(classes);
        if (steps < 1 || batch < 1 || !(learningRate > 0)) {
            throw new UserError("--steps, --batch and --lr must be positive");
        }
    }

    /** The same classifier with its measured accuracy filled in. */
    public ClassifierConfig withAccuracy(int train, int heldOut, double accuracy) {
        return new ClassifierConfig(channels, resolution, classes, data, train, heldOut, accuracy, steps, batch,
                learningRate, seed);
    }
}
