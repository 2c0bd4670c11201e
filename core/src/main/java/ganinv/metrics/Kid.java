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
        return fromSums(offDiagonalSum(a, m, d), m, offDiagonalSum(b, n, d), n, crossSum(a, m, b, n, d));
    }

    /**
     * KID from its kernel sums, for sets measured in parts: Σ_{i≠j} k(x_i, x_j) over m vectors,
     * the same over n vectors, and Σ_{i,j} k(x_i, y_j).
     */
    public static double fromSums(double xxOffDiagonal, long m, double yyOffDiagonal, long n, double xy) {
        if (m < 2 || n < 2) {
            throw new IllegalArgumentException("KID needs at least 2 vectors per set");
        }
        return xxOffDiagonal / ((double) m * (m - 1)) + yyOffDiagonal / ((double) n * (n - 1)) - 2 * xy / ((double) m * n);
    }

    /** Σ_{i,j} k(a_i, b_j) over a [m, d] and b [n, d]. */
    public static double crossSum(float[] a, int m, float[] b, int n, int d) {
        double xy = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                xy += kernel(a, i, b, j, d);
            }
        }
        return xy;
    }

    /** Σ_{i≠j} k(x_i, x_j) over x [count, d]. */
    public static double offDiagonalSum(float[] x, int count, int d) {
        double sum = 0;
        for (int i = 0; i < count; i++) {
            for (int j = i + 1; j < count; j++) {
                sum += 2 * kernel(x, i, x, j, d);
            }
        }
        return sum;
    }

    /** Σ_i k(x_i, x_i) over x [count, d]: what a row-against-all sum counts beyond the off-diagonal. */
    public static double diagonalSum(float[] x, int count, int d) {
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += kernel(x, i, x, i, d);
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
