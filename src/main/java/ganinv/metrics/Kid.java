package ganinv.metrics;

/**
 * Kernel Inception Distance (Bińkowski et al. 2018): the unbiased estimate of the squared MMD
 * between two feature sets with the polynomial kernel k(x, y) = (x·y/d + 1)³, over the full
 * sets. Like {@link Fid}, a KID is only comparable with KIDs over the same features.
 */
public final class Kid {
    private Kid() {
    }

    /** @param a m × d and {@code b} n × d row-major, m, n ≥ 2 */
    public static double distance(float[] a, float[] b, int d) {
        int m = a.length / d;
        int n = b.length / d;
        if (m < 2 || n < 2) {
            throw new IllegalArgumentException("KID needs at least 2 vectors per set");
        }
        double xx = offDiagonalSum(a, m, d) / ((double) m * (m - 1));
        double yy = offDiagonalSum(b, n, d) / ((double) n * (n - 1));
        double xy = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                xy += kernel(a, i, b, j, d);
            }
        }
        return xx + yy - 2 * xy / ((double) m * n);
    }

    private static double offDiagonalSum(float[] x, int count, int d) {
        double sum = 0;
        for (int i = 0; i < count; i++) {
            for (int j = i + 1; j < count; j++) {
                sum += 2 * kernel(x, i, x, j, d);
            }
        }
        return sum;
    }

    static double kernel(float[] x, int i, float[] y, int j, int d) {
        double dot = 0;
        for (int k = 0; k < d; k++) {
            dot += x[i * d + k] * (double) y[j * d + k];
        }
        double base = dot / d + 1;
        return base * base * base;
    }
}
