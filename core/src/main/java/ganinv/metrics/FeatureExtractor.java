package ganinv.metrics;

import java.util.List;

/** Image features for FID and KID, always reported with their {@link #name()}. */
public interface FeatureExtractor extends AutoCloseable {
    /** The name every output carries next to a distance over these features. */
    String name();

    int dim();

    /** Features of 8-bit images [C, R, R] (C = 1 or 3): N × {@link #dim()} row-major. */
    float[] of(List<byte[]> images, int channels, int resolution);

    @Override
    void close();
}
