package ganinv.metrics;

/**
 * The mean and covariance of a set of feature vectors, as pytorch-fid computes them: the mean
 * over rows and the unbiased covariance (np.cov with rowvar=False), in double precision.
 *
 * @param mean [d]
 * @param covariance [d, d] row-major
 */
public record FeatureStats(int dim, double[] mean, double[] covariance) {
    /** @param features N × d row-major, N ≥ 2 */
    public static FeatureStats of(float[] features, int dim) {
        int n = features.length / dim;
        if (n < 2) {
            throw new IllegalArgumentException("statistics need at least 2 feature vectors, got " + n);
        }
        double[] mean = new double[dim];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < dim; j++) {
                mean[j] += features[i * dim + j];
            }
        }
        for (int j = 0; j < dim; j++) {
            mean[j] /= n;
        }
        double[] cov = new double[dim * dim];
        double[] centred = new double[dim];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < dim; j++) {
                centred[j] = features[i * dim + j] - mean[j];
            }
            for (int a = 0; a < dim; a++) {
                for (int b = a; b < dim; b++) {
                    cov[a * dim + b] += centred[a] * centred[b];
                }
            }
        }
        for (int a = 0; a < dim; a++) {
            for (int b = a; b < dim; b++) {
                cov[a * dim + b] /= n - 1;
                cov[b * dim + a] = cov[a * dim + b];
            }
        }
        return new FeatureStats(dim, mean, cov);
    }
}
