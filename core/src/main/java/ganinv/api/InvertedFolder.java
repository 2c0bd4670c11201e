package ganinv.api;

import java.util.Arrays;
import java.util.List;

/**
 * The codes of a folder's images, and the files that could not be read. Immutable: the codes are
 * copied in and out, and two results are equal when their names, codes and skipped files are.
 *
 * @param names each image's path relative to the folder, '/'-separated, in sorted path order
 *              (the order of {@code ganinv invert}'s metrics.json and latents.npy)
 * @param codes one latent code per image, [N][d], in the units {@link GanRun#render} takes
 * @param skipped the files that were skipped, in the order tried, each with the one-line reason
 */
public record InvertedFolder(List<String> names, float[][] codes, List<SkippedImage> skipped) {
    /**
     * @param names as above
     * @param codes as above
     * @param skipped as above
     */
    public InvertedFolder {
        names = List.copyOf(names);
        codes = Codes.copy(codes);
        skipped = List.copyOf(skipped);
    }

    /** @return a copy of the codes, [N][d] */
    @Override
    public float[][] codes() {
        return Codes.copy(codes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InvertedFolder f && names.equals(f.names) && Arrays.deepEquals(codes, f.codes)
                && skipped.equals(f.skipped);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * names.hashCode() + Arrays.deepHashCode(codes)) + skipped.hashCode();
    }

    @Override
    public String toString() {
        return "InvertedFolder[" + names.size() + " images, d = " + (codes.length == 0 ? 0 : codes[0].length)
                + ", " + skipped.size() + " skipped]";
    }
}
