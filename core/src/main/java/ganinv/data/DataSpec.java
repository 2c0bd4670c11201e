package ganinv.data;

import ganinv.UserError;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code --data} names: the built-in {@code shapes} set, an image folder, an MNIST IDX
 * file, a CIFAR-10 binary folder or file, or a file made by {@code ganinv prepare}. The kind is
 * recognised from the path; a prefix ({@code folder:}, {@code idx:}, {@code cifar10:},
 * {@code prepared:}) forces it.
 *
 * @param kind what to read
 * @param path the file or folder; null for shapes
 */
public record DataSpec(Kind kind, Path path) {
    public enum Kind { SHAPES, FOLDER, IDX, CIFAR10, PREPARED }

    public DataSpec {
        if (kind == null || (kind != Kind.SHAPES && path == null)) {
            throw new IllegalArgumentException("a data spec needs a kind and, except for shapes, a path");
        }
    }

    /** Parses a {@code --data} value; the text is kept verbatim in {@link #toString()}. */
    public static DataSpec parse(String text) {
        if (text == null || text.isBlank()) {
            throw new UserError("--data: empty; give 'shapes', an image folder, an IDX file or a CIFAR-10 folder");
        }
        if (text.equals("shapes")) {
            return new DataSpec(Kind.SHAPES, null);
        }
        for (Kind k : List.of(Kind.FOLDER, Kind.IDX, Kind.CIFAR10, Kind.PREPARED)) {
            String prefix = k.name().toLowerCase() + ":";
            if (text.startsWith(prefix)) {
                return new DataSpec(k, Path.of(text.substring(prefix.length())));
            }
        }
        Path p = Path.of(text);
        if (!Files.exists(p)) {
            throw new UserError("--data " + text + ": no such file or folder; give 'shapes', an image folder, "
                    + "an IDX file or a CIFAR-10 folder");
        }
        if (Files.isDirectory(p)) {
            return new DataSpec(Cifar10Loader.batches(p).isEmpty() ? Kind.FOLDER : Kind.CIFAR10, p);
        }
        if (PreparedDataset.isPrepared(p)) {
            return new DataSpec(Kind.PREPARED, p);
        }
        if (p.getFileName().toString().endsWith(".bin")) {
            return new DataSpec(Kind.CIFAR10, p);
        }
        if (IdxLoader.looksLikeIdx(p) || p.getFileName().toString().endsWith(".gz")) {
            return new DataSpec(Kind.IDX, p);
        }
        throw new UserError("--data " + text + ": a single file must be an IDX file (name containing 'idx' or "
                + "'-ubyte', optionally .gz) or a CIFAR-10 .bin; for images, give their folder");
    }

    /**
     * Reads the data, fitted to the model's shape; a finite source cut to {@code count} images is
     * a seeded random sample of them ({@link Subset#RANDOM}).
     *
     * @param count for shapes: the set's size; for the other sources: how many of their images to
     *     use; {@link Dataset#INFINITE} for all (shapes: endless)
     * @param seed for shapes: the set's seed; for the other sources: the seed of the sample
     */
    public Dataset open(int channels, int resolution, long seed, long count, PrintStream warnings) {
        return open(channels, resolution, seed, count, Subset.RANDOM, warnings);
    }

    /** As {@link #open(int, int, long, long, PrintStream)}, with the rule that picks a cut's images. */
    public Dataset open(int channels, int resolution, long seed, long count, Subset subset, PrintStream warnings) {
        Dataset all = openAll(channels, resolution, seed, count, subset, warnings);
        if (kind == Kind.SHAPES || count == Dataset.INFINITE || count >= all.size()) {
            return all;
        }
        int n = (int) count;
        int[] indices = subset.indices((int) all.size(), n, seed);
        return all instanceof MemoryDataset m ? m.select(indices, subset.describe(n, seed))
                : new SelectedDataset(all, indices, subset.describe(n, seed));
    }

    /** The whole source; a folder is cut while it is read, so that only the images used are decoded. */
    private Dataset openAll(int channels, int resolution, long seed, long count, Subset subset, PrintStream warnings) {
        return switch (kind) {
            case SHAPES -> new ShapesDataset(seed, count, resolution, channels);
            case FOLDER -> ImageFolderLoader.load(path, channels, resolution, count, subset, seed, warnings);
            case IDX -> {
                if (!Files.isRegularFile(path)) {
                    throw new UserError(path + ": no such IDX file");
                }
                yield IdxLoader.load(path, channels, resolution);
            }
            case PREPARED -> PreparedDataset.open(path, channels, resolution);
            case CIFAR10 -> {
                List<Path> files = Files.isDirectory(path) ? Cifar10Loader.batches(path) : List.of(path);
                if (files.isEmpty() || !Files.isRegularFile(files.get(0))) {
                    throw new UserError(path + ": no CIFAR-10 data_batch_*.bin files here");
                }
                yield Cifar10Loader.load(files, channels, resolution);
            }
        };
    }

    @Override
    public String toString() {
        return kind == Kind.SHAPES ? "shapes" : kind.name().toLowerCase() + ":" + path;
    }
}
