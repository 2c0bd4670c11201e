package ganinv.api;

/**
 * KID (the unbiased MMD² with the cubic kernel k(x, y) = (x·y/d + 1)³, over full sets, as
 * {@code evaluate} computes it) from kernel sums computed in parts: blocks of one set against
 * each other and against the other set.
 *
 * <p><b>Unstable</b>: for ganinv's Spark jobs ({@link PartialEvaluation}).
 */
public final class KernelSums {
    private KernelSums() {
    }

    /**
     * @param a [m][d]
     * @param b [n][d]
     * @return Σ_{i,j} k(a_i, b_j)
     */
    public static double cross(float[][] a, float[][] b) {
        int d = a.length == 0 ? 1 : a[0].length;
        return ganinv.metrics.Kid.crossSum(Parts.flatten(a, d, "a"), a.length, Parts.flatten(b, d, "b"), b.length, d);
    }

    /**
     * @param a [m][d]
     * @return Σ_{i≠j} k(a_i, a_j)
     */
    public static double offDiagonal(float[][] a) {
        int d = a.length == 0 ? 1 : a[0].length;
        return ganinv.metrics.Kid.offDiagonalSum(Parts.flatten(a, d, "a"), a.length, d);
    }

    /**
     * @param a [m][d]
     * @return Σ_i k(a_i, a_i); a block's rows against the whole set, minus this, is the block's
     *     share of the set's Σ_{i≠j}
     */
    public static double diagonal(float[][] a) {
        int d = a.length == 0 ? 1 : a[0].length;
        return ganinv.metrics.Kid.diagonalSum(Parts.flatten(a, d, "a"), a.length, d);
    }

    /**
     * @param xxOffDiagonal Σ_{i≠j} k(x_i, x_j) over the m vectors of one set (sum the blocks; a
     *                      pair of different blocks counts twice)
     * @param m the first set's size, at least 2
     * @param yyOffDiagonal the same over the other set
     * @param n the other set's size, at least 2
     * @param xy Σ_{i,j} k(x_i, y_j)
     * @return KID
     */
    public static double kid(double xxOffDiagonal, long m, double yyOffDiagonal, long n, double xy) {
        return Parts.call(() -> ganinv.metrics.Kid.fromSums(xxOffDiagonal, m, yyOffDiagonal, n, xy));
    }
}
