package ganinv.api;

import ganinv.api.types.BadInputException;
import ganinv.data.DataSpec;
import ganinv.data.Dataset;
import ganinv.data.ImageCodec;
import ganinv.data.ImageFolderLoader;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A folder's images as a run sees them (centre-cropped, resized to R×R, in its channels), read
 * once by {@link #readFolder} and inverted by {@link GanRun#invert(FittedImages,
 * InvertSettings, ProgressListener)} without being decoded again. Immutable.
 */
public final class FittedImages {
    private final List<String> names;
    private final List<byte[]> pixels;
    private final List<SkippedImage> skipped;
    private final int channels;
    private final int resolution;

    FittedImages(List<String> names, List<byte[]> pixels, List<SkippedImage> skipped, int channels, int resolution) {
        this.names = List.copyOf(names);
        this.pixels = List.copyOf(pixels);
        this.skipped = List.copyOf(skipped);
        this.channels = channels;
        this.resolution = resolution;
    }

    /**
     * Reads every PNG/JPEG image under a folder (recursively, in sorted path order) as a run sees
     * images, skipping unreadable files and those whose header claims more than {@code maxPixels}.
     *
     * @param run the run whose channels and resolution the images take
     * @param folder the folder
     * @param maxPixels the largest width × height decoded
     * @return the images and the skipped files
     * @throws BadInputException when the folder holds no readable image
     */
    public static FittedImages readFolder(GanRun run, Path folder, long maxPixels) {
        Guard.require(run != null && folder != null, "images folder: null");
        Guard.require(maxPixels >= 1, "--max-pixels " + maxPixels + ": must be at least 1");
        ImageFolderLoader.Decoded decoded = Guard.call(() -> ImageFolderLoader.decodeAll(folder, run.channels(),
                run.resolution(), maxPixels, new PrintStream(OutputStream.nullOutputStream())));
        List<SkippedImage> skipped = new ArrayList<>();
        for (int i = 0; i < decoded.skippedFiles().size(); i++) {
            skipped.add(new SkippedImage(relative(folder, decoded.skippedFiles().get(i)), decoded.skippedReasons().get(i)));
        }
        List<String> names = decoded.files().stream().map(f -> relative(folder, f)).toList();
        return new FittedImages(names, decoded.images(), skipped, run.channels(), run.resolution());
    }

    /**
     * The first {@code count} images of a data source as {@code ganinv evaluate} draws them (from
     * a larger folder, IDX or CIFAR-10 source at random with {@code seed}; shapes from {@code seed}).
     *
     * @param run the run whose channels and resolution the images take
     * @param data "shapes", an image folder, an MNIST IDX file or a CIFAR-10 binary folder
     * @param count how many
     * @param seed the seed of the draw
     * @return the images, named by their index in the draw
     */
    public static FittedImages readData(GanRun run, String data, int count, long seed) {
        Guard.require(run != null && data != null, "data: null; pass 'shapes' or a path");
        Guard.require(count >= 1, "count " + count + ": must be at least 1");
        return Guard.call(() -> {
            Dataset set = DataSpec.parse(data).open(run.channels(), run.resolution(), seed, count, System.err);
            int n = (int) (set.size() < 0 ? count : Math.min(count, set.size()));
            List<String> names = new ArrayList<>(n);
            List<byte[]> pixels = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                names.add(Integer.toString(i));
                pixels.add(set.pixels(i));
            }
            return new FittedImages(names, pixels, List.of(), run.channels(), run.resolution());
        });
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    /** @return each image's path relative to the folder, '/'-separated, in sorted path order */
    public List<String> names() {
        return names;
    }

    /** @return the images, R×R, TYPE_INT_RGB (gray runs give R = G = B), new copies on each call */
    public List<BufferedImage> images() {
        return pixels.stream().map(p -> ImageCodec.toImage(p, channels, resolution, resolution)).toList();
    }

    /** @return the files that could not be read, each with its reason, in the order tried */
    public List<SkippedImage> skipped() {
        return skipped;
    }

    /** @return how many images were read */
    public int size() {
        return names.size();
    }

    /** The fitted bytes, [C, R, R] each, for the run that read them. */
    List<byte[]> pixels() {
        return pixels;
    }
}
