package ganinv.metrics;

/**
 * Count, mean and centred sum of outer products of feature vectors, mergeable: the statistics of a
 * set that is computed in parts (per Spark partition) and combined. Merging is Chan, Golub and
 * LeVeque's pairwise update, which stays accurate where a running Σxxᵀ − nμμᵀ would cancel.
 *
 * @param mean [d]
 * @param m2 Σ (x − mean)(x − mean)ᵀ, [d, d] row-major
 */
public record FeatureMoments(long count, int dim, double[] mean, double[] m2) implements java.io.Serializable {
    /** @param features N × d row-major (N may be 0) */
    public static FeatureMoments of(float[] features, int dim) {
        int n = features.length / dim;
        if (n == 0) {
            return new FeatureMoments(0, dim, new double[dim], new double[dim * dim]);
        }
        FeatureStats s = n >= 2 ? FeatureStats.of(features, dim) : null;
        double[] mean = new double[dim];
        double[] m2 = new double[dim * dim];
        if (s == null) {
            for (int j = 0; j < dim; j++) {
                mean[j] = features[j];
            }
        } else {
            System.arraycopy(s.mean(), 0, mean, 0, dim);
            for (int k = 0; k < m2.length; k++) {
                m2[k] = s.covariance()[k] * (n - 1);
            }
        }
        return new FeatureMoments(n, dim, mean, m2);
    }

    /** The moments of both sets together. */
    public FeatureMoments merge(FeatureMoments o) {
        if (o.count == 0) {
            return this;
        }
        if (count == 0) {
            return o;
        }
        long n = count + o.count;
        double[] delta = new double[dim];
        double[] mean = new double[dim];
        for (int j = 0; j < dim; j++) {
            delta[j] = o.mean[j] - this.mean[j];
            mean[j] = this.mean[j] + delta[j] * o.count / n;
        }
        double w = (double) count * o.count / n;
        double[] m2 = new double[dim * dim];
        for (int a = 0; a < dim; a++) {
            for (int b = 0; b < dim; b++) {
                m2[a * dim + b] = this.m2[a * dim + b] + o.m2[a * dim + b] + delta[a] * delta[b] * w;
            }
        }
        return new FeatureMoments(n, dim, mean, m2);
    }

    /** Mean and unbiased covariance, as {@link FeatureStats#of} gives them for the whole set. */
    public FeatureStats stats() {
        if (count < 2) {
            throw new IllegalArgumentException("statistics need at least 2 feature vectors, got " + count);
        }
        double[] cov = new double[dim * dim];
        for (int k = 0; k < cov.length; k++) {
            cov[k] = m2[k] / (count - 1);
        }
        return new FeatureStats(dim, mean.clone(), cov);
    }
}
