package ganinv.metrics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ganinv.UserError;
import ganinv.data.ImageCodec;
import ganinv.data.ImageTensor;
import ganinv.model.ClassifierNet;
import ganinv.model.Network;
import ganinv.objective.Adam;
import ganinv.objective.Trainable;
import ganinv.data.JsonFiles;
import ganinv.checkpoint.Checkpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small CNN trained on labelled real images ({@code ganinv train-classifier}), used as a
 * yardstick that sees shape and class: its penultimate features for FID/KID, and its class
 * decisions for classes covered, the class histogram's KL and class kept by reconstruction.
 * Saved in the checkpoint format with its {@link ClassifierConfig} as the header.
 */
public final class Classifier implements FeatureExtractor, Trainable {
    private static final int BATCH = 256;

    private final ClassifierConfig config;
    private final String name;
    private final NDManager manager;
    private final Network trunk;
    private final Network head;

    /** Image features and class decisions from one pass: features N × 128 row-major, classes N. */
    public record Scores(float[] features, int[] classes) {
    }

    private Classifier(ClassifierConfig config, String name, NDManager parent) {
        this.config = config;
        this.name = name;
        this.manager = parent.newSubManager();
        this.trunk = ClassifierNet.trunk(config.channels(), config.resolution(), manager);
        this.head = ClassifierNet.head(config.classes().size(), manager);
    }

    /** A new, untrained classifier (weights from the engine's seeded initialiser). */
    public static Classifier create(ClassifierConfig config, String name, NDManager parent) {
        return new Classifier(config, name, parent);
    }

    /** Reads a classifier file; a file that is not one is a {@link UserError} naming it. */
    public static Classifier load(Path file, NDManager parent) {
        if (!Files.isRegularFile(file)) {
            throw new UserError("--classifier " + file + ": no such file; make one with 'ganinv train-classifier --data SPEC --out "
                    + file + "'");
        }
        Checkpoint saved = Checkpoint.read(file);
        ClassifierConfig config;
        try {
            config = JsonFiles.MAPPER.treeToValue(saved.header().config(), ClassifierConfig.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new UserError("--classifier " + file + ": not a ganinv classifier (a run's checkpoint?); make one with"
                    + " 'ganinv train-classifier'", e);
        }
        if (config.classes() == null) {
            throw new UserError("--classifier " + file + ": not a ganinv classifier; make one with 'ganinv train-classifier'");
        }
        Classifier c = new Classifier(config, "classifier-" + file.getFileName(), parent);
        saved.restoreInto(c);
        return c;
    }

    /** Writes the weights with {@code header} (this classifier's config, its accuracy measured) as the file's header. */
    public void save(Path file, ClassifierConfig header) {
        try {
            Checkpoint.saveFile(file, header, this, header.steps());
        } catch (IOException e) {
            throw new ganinv.FileAccessError("cannot write " + file, e);
        }
    }

    public ClassifierConfig config() {
        return config;
    }

    /** [N, C, R, R] in [-1, 1] → [N, 128] penultimate features. */
    public NDArray features(NDArray x) {
        return trunk.forward(x);
    }

    /** [N, 128] → [N, classes] logits. */
    public NDArray logits(NDArray features) {
        return head.forward(features);
    }

    /** Features and class decisions of 8-bit images [C, R, R], converted to the classifier's channels and size. */
    public Scores score(List<byte[]> images, int channels, int resolution) {
        List<byte[]> fitted = adapt(images, channels, resolution);
        float[] features = new float[images.size() * ClassifierNet.FEATURES];
        int[] classes = new int[images.size()];
        for (int from = 0; from < fitted.size(); from += BATCH) {
            List<byte[]> chunk = fitted.subList(from, Math.min(fitted.size(), from + BATCH));
            try (NDManager scope = manager.newSubManager()) {
                NDArray f = features(ImageTensor.batch(scope, chunk, config.channels(), config.resolution())); // [n, 128]
                System.arraycopy(f.toFloatArray(), 0, features, from * ClassifierNet.FEATURES, chunk.size() * ClassifierNet.FEATURES);
                long[] argmax = logits(f).argMax(1).toLongArray();                                          // [n]
                for (int i = 0; i < argmax.length; i++) {
                    classes[from + i] = (int) argmax[i];
                }
            }
        }
        return new Scores(features, classes);
    }

    /** Class decisions only. */
    public int[] classify(List<byte[]> images, int channels, int resolution) {
        return score(images, channels, resolution).classes();
    }

    private List<byte[]> adapt(List<byte[]> images, int channels, int resolution) {
        if (channels == config.channels() && resolution == config.resolution()) {
            return images;
        }
        List<byte[]> out = new ArrayList<>(images.size());
        for (byte[] image : images) {
            float[] planes = new float[image.length];
            for (int i = 0; i < image.length; i++) {
                planes[i] = image[i] & 0xff;
            }
            out.add(ImageCodec.fitPlanes(planes, channels, resolution, config.channels(), config.resolution()));
        }
        return out;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int dim() {
        return ClassifierNet.FEATURES;
    }

    @Override
    public float[] of(List<byte[]> images, int channels, int resolution) {
        return score(images, channels, resolution).features();
    }

    @Override
    public Map<String, Network> networks() {
        Map<String, Network> nets = new LinkedHashMap<>();
        nets.put("trunk", trunk);
        nets.put("head", head);
        return nets;
    }

    @Override
    public Map<String, Adam> optimizers() {
        return Map.of();
    }

    @Override
    public void close() {
        manager.close();
    }
}
