package ganinv.api;

import ganinv.api.types.BadInputException;
import ganinv.data.DataSpec;
import ganinv.data.Dataset;
import ganinv.data.PreparedWriter;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Data larger than memory: {@link #prepare} fits a source's images once to a run's shape and
 * writes them to one file that training, evaluation and every {@code --data} read image by
 * image as they need them, so memory does not grow with the number of images.
 */
public final class Datasets {
    private Datasets() {
    }

    /**
     * As {@code ganinv prepare}: every image of {@code data}, decoded on every core.
     *
     * @param data "shapes" (with a count), an image folder, an MNIST IDX file or a CIFAR-10 folder
     * @param channels 1 or 3: the channels of the runs that will read it
     * @param resolution R: the side of the runs that will read it
     * @param out the file to write (replaced whole, never half-written)
     * @param progress told (images done, images wanted) after each block, or null
     * @return what was written, and the files skipped
     * @throws BadInputException for a bad source, a shape the networks cannot take, or no readable image
     */
    public static PreparedData prepare(String data, int channels, int resolution, Path out, ProgressListener progress) {
        return prepare(data, channels, resolution, out, -1, 0, progress);
    }

    /**
     * As {@link #prepare(String, int, int, Path, ProgressListener)}, keeping {@code count} images.
     *
     * @param data the source
     * @param channels 1 or 3
     * @param resolution R
     * @param out the file to write
     * @param count images to keep, -1 for all; from a larger source drawn at random with {@code seed}
     *     (the draw training makes with {@code --count}); shapes: the set's size
     * @param seed the seed of that draw (shapes: of the set)
     * @param progress told how far it is, or null
     * @return what was written
     */
    public static PreparedData prepare(String data, int channels, int resolution, Path out, long count, long seed,
                                       ProgressListener progress) {
        Guard.require(data != null && out != null, "prepare: data and out are needed");
        Guard.require(channels == 1 || channels == 3, "--channels " + channels + ": must be 1 or 3");
        Guard.require(resolution >= 8 && Integer.bitCount(resolution) == 1, "--resolution " + resolution
                + ": must be a power of two, at least 8");
        Guard.require(count == Dataset.INFINITE || count >= 1, "--count " + count + ": must be at least 1, or -1 for all");
        return Guard.call(() -> {
            PreparedWriter.Summary s = PreparedWriter.write(DataSpec.parse(data), channels, resolution, count, seed,
                    Runtime.getRuntime().availableProcessors(), out, new PrintStream(OutputStream.nullOutputStream()),
                    progress == null ? null : (done, total) -> {
                        progress.progress(done, total);
                        return 0;
                    });
            return new PreparedData(s.file(), s.count(), s.skipped(), s.firstSkipped(), s.bytes(), s.description());
        });
    }
}
