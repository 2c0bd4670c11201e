package ganinv.api;

import java.io.Serializable;

/**
 * The count, mean and covariance sums of a set of feature vectors, computed in parts and merged
 * (per Spark partition, per file, per thread): what FID needs of a set too large for one machine.
 * Immutable and serializable.
 *
 * <p><b>Unstable</b>: for ganinv's Spark jobs ({@link PartialEvaluation}).
 */
public final class FeatureMoments implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The moments, in the internal form the metrics use. */
    private final ganinv.metrics.FeatureMoments moments;

    private FeatureMoments(ganinv.metrics.FeatureMoments moments) {
        this.moments = moments;
    }

    /**
     * @param features [N][dim], N may be 0
     * @param dim the feature size (every row must have it)
     * @return their moments
     */
    public static FeatureMoments of(float[][] features, int dim) {
        Parts.require(features != null && dim > 0, "features: null or dim < 1");
        return new FeatureMoments(ganinv.metrics.FeatureMoments.of(Parts.flatten(features, dim, "features"), dim));
    }

    /**
     * @param other moments of another part of the same kind of features
     * @return the moments of both parts together
     */
    public FeatureMoments merge(FeatureMoments other) {
        Parts.require(other.moments.dim() == moments.dim(), "features: sizes differ (" + moments.dim() + " and "
                + other.moments.dim() + ")");
        return new FeatureMoments(moments.merge(other.moments));
    }

    /** @return how many vectors the moments cover */
    public long count() {
        return moments.count();
    }

    /**
     * The Fréchet distance between two sets' Gaussians, as {@code evaluate} computes FID.
     *
     * @param a one set's moments, at least 2 vectors
     * @param b the other's, at least 2 vectors
     * @return FID
     */
    public static double fid(FeatureMoments a, FeatureMoments b) {
        return Parts.call(() -> ganinv.metrics.Fid.distance(a.moments.stats(), b.moments.stats()));
    }
}
