package ganinv.data;

import ganinv.UserError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The CIFAR-10 binary version: records of 1 label byte and 3072 pixel bytes (R, G, B planes of
 * 32x32). A folder spec reads every {@code data_batch_*.bin}; a file spec reads that one file.
 */
public final class Cifar10Loader {
    public static final List<String> CLASSES = List.of("airplane", "automobile", "bird", "cat", "deer",
            "dog", "frog", "horse", "ship", "truck");
    private static final int SIDE = 32;
    private static final int RECORD = 1 + 3 * SIDE * SIDE;

    private Cifar10Loader() {
    }

    /** The training batches in a folder, sorted; empty when it is not a CIFAR-10 folder. */
    public static List<Path> batches(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(p -> p.getFileName().toString().matches("data_batch_.*\\.bin")).sorted().toList();
        } catch (IOException e) {
            throw new UserError(folder + ": cannot list the folder (" + e.getMessage() + ")", e);
        }
    }

    public static MemoryDataset load(List<Path> files, int channels, int resolution) {
        List<byte[]> images = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        float[] planes = new float[3 * SIDE * SIDE];
        for (Path file : files) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new UserError(file + ": cannot read (" + e.getMessage() + ")", e);
            }
            if (bytes.length == 0 || bytes.length % RECORD != 0) {
                throw new UserError(file + ": " + bytes.length + " bytes is not a whole number of CIFAR-10 records ("
                        + RECORD + " bytes each); the file is truncated or not CIFAR-10 binary");
            }
            for (int r = 0; r < bytes.length / RECORD; r++) {
                int base = r * RECORD;
                int label = bytes[base] & 0xff;
                if (label >= CLASSES.size()) {
                    throw new UserError(file + ": record " + r + " has label " + label + "; CIFAR-10 labels are 0..9");
                }
                for (int i = 0; i < planes.length; i++) {
                    planes[i] = bytes[base + 1 + i] & 0xff;
                }
                images.add(ImageCodec.fitPlanes(planes, 3, SIDE, channels, resolution));
                labels.add(label);
            }
        }
        String description = "CIFAR-10 " + (files.size() == 1 ? files.get(0) : files.get(0).getParent())
                + " (" + images.size() + " images from " + files.size() + " file(s))";
        return new MemoryDataset(images, labels.stream().mapToInt(Integer::intValue).toArray(), CLASSES,
                channels, resolution, description);
    }
}
