package ganinv.data;

import ganinv.UserError;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.PrimitiveIterator;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A folder of PNG/JPEG files, searched recursively. When the folder has subfolders, the
 * first-level subfolder is the class (the ImageFolder convention); images directly in the
 * root then have no label. Unreadable images are skipped and counted, not fatal.
 */
public final class ImageFolderLoader {
    private ImageFolderLoader() {
    }

    /** Image files under {@code root}, sorted by path so that the order is the same everywhere. */
    public static List<Path> listImages(Path root) {
        if (!Files.isDirectory(root)) {
            throw new UserError(root + ": not a folder; give a folder of PNG/JPEG images");
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).filter(ImageFolderLoader::isImage).sorted().toList();
        } catch (IOException e) {
            throw new UserError(root + ": cannot list the folder (" + e.getMessage() + ")", e);
        }
    }

    static boolean isImage(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg");
    }

    /**
     * The images of a folder that could be read, with their files, in sorted path order, and the
     * files that could not be, each with its one-line reason.
     */
    public record Decoded(List<Path> files, List<byte[]> images, List<Path> skippedFiles, List<String> skippedReasons) {
    }

    /**
     * Decodes and fits every image under {@code root}, skipping unreadable files and reporting how
     * many on {@code warnings}.
     *
     * @throws UserError when the folder has no readable image at all
     */
    public static Decoded decodeAll(Path root, int channels, int resolution, PrintStream warnings) {
        return decodeAll(root, channels, resolution, ImageCodec.DEFAULT_MAX_PIXELS, warnings);
    }

    /** As {@link #decodeAll(Path, int, int, PrintStream)}, skipping images whose header claims more than {@code maxPixels}. */
    public static Decoded decodeAll(Path root, int channels, int resolution, long maxPixels, PrintStream warnings) {
        List<Path> files = listImages(root);
        return decode(root, files, Subset.FIRST.order(files.size(), 0), files.size(), channels, resolution, maxPixels, warnings);
    }

    /**
     * Decodes files in the order {@code order} gives until {@code wanted} could be read (or the
     * files run out), so that a cut of a large folder decodes only what it uses.
     */
    private static Decoded decode(Path root, List<Path> files, PrimitiveIterator.OfInt order, int wanted,
                                  int channels, int resolution, long maxPixels, PrintStream warnings) {
        if (files.isEmpty()) {
            throw new UserError(root + ": no PNG or JPEG images found (searched recursively)");
        }
        List<Path> read = new ArrayList<>();
        List<byte[]> images = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<Path> skippedFiles = new ArrayList<>();
        while (images.size() < wanted && order.hasNext()) {
            Path f = files.get(order.nextInt());
            try {
                images.add(ImageCodec.read(f, channels, resolution, maxPixels));
                read.add(f);
            } catch (UserError e) {
                skipped.add(e.getMessage());
                skippedFiles.add(f);
            }
        }
        if (images.isEmpty()) {
            throw new UserError(root + ": none of the " + files.size() + " images could be read (first: "
                    + skipped.get(0) + ")");
        }
        if (!skipped.isEmpty()) {
            warnings.println("warning: skipped " + skipped.size() + " of " + (read.size() + skipped.size())
                    + " images tried in " + root + " that could not be read; first: " + skipped.get(0));
        }
        return new Decoded(read, images, skippedFiles, skipped);
    }

    /**
     * Refuses a folder whose fitted images would take more than half the heap, before decoding
     * one: training from it would fail later, out of memory, so say now how to train from a
     * prepared file instead (read image by image, whatever its size).
     */
    static void requireFits(Path root, long images, int channels, int resolution, long maxHeap) {
        long bytes = images * ((long) channels * resolution * resolution + 32);     // + the array's own header
        if (bytes > maxHeap / 2) {
            throw new UserError(String.format(Locale.ROOT, "--data %s: %d images at %dx%d would take %.1f GB, more than half of"
                    + " the %.1f GB heap; run 'ganinv prepare --data %s --resolution %d --channels %d --out FILE' once and"
                    + " train with --data FILE", root, images, resolution, resolution, bytes / 1e9, maxHeap / 1e9, root,
                    resolution, channels));
        }
    }

    /** The whole folder as a dataset, labelled by first-level subfolder when there are subfolders. */
    public static MemoryDataset load(Path root, int channels, int resolution, PrintStream warnings) {
        return load(root, channels, resolution, -1, Subset.RANDOM, 0, warnings);
    }

    /**
     * The folder as a dataset, or {@code count} of its images chosen by {@code subset} when it has
     * more. Classes are the first-level subfolders of every listed file, so a label means the same
     * class whichever images were chosen.
     *
     * @param count images wanted, or -1 for all (in sorted path order)
     */
    public static MemoryDataset load(Path root, int channels, int resolution, long count, Subset subset, long seed,
                                     PrintStream warnings) {
        List<Path> files = listImages(root);
        boolean cut = count >= 0 && count < files.size();
        int wanted = cut ? (int) count : files.size();
        requireFits(root, wanted, channels, resolution, Runtime.getRuntime().maxMemory());
        Subset used = cut ? subset : Subset.FIRST;
        Decoded decoded = decode(root, files, used.order(files.size(), seed), wanted, channels, resolution,
                ImageCodec.DEFAULT_MAX_PIXELS, warnings);
        TreeSet<String> classes = new TreeSet<>();
        for (Path f : files) {
            Path rel = root.relativize(f);
            if (rel.getNameCount() > 1) {
                classes.add(rel.getName(0).toString());
            }
        }
        List<String> classNames = List.copyOf(classes);
        int[] labels = classNames.isEmpty() ? null : decoded.files().stream().mapToInt(f -> {
            Path rel = root.relativize(f);
            return rel.getNameCount() > 1 ? classNames.indexOf(rel.getName(0).toString()) : -1;
        }).toArray();
        String description = "image folder " + root + " (" + files.size() + " images"
                + (classNames.isEmpty() ? "" : ", " + classNames.size() + " classes") + ")"
                + (cut ? ", " + used.describe(decoded.images().size(), seed) : "");
        return new MemoryDataset(decoded.images(), labels, classNames, channels, resolution, description);
    }
}
