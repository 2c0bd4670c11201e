package ganinv.data;

import java.util.List;

/**
 * A set of images already converted to the model's channels and resolution. Pixels are kept as
 * 8-bit values because that is what every source format holds and it costs a quarter of floats.
 */
public interface Dataset {
    /** Number of images, or {@link #INFINITE} for a procedural set. */
    long size();

    long INFINITE = -1;

    int channels();

    int resolution();

    /** Image {@code index} as 8-bit pixels in [C, H, W] order. */
    byte[] pixels(long index);

    /** Class of image {@code index}, or -1 when the source has no labels. */
    int label(long index);

    /** Class names indexed by label; empty when unlabeled. */
    List<String> classNames();

    /** One human line: what this is and how many images. */
    String describe();

    default boolean hasLabels() {
        return !classNames().isEmpty();
    }
}
