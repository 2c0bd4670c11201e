package ganinv.metrics;

/**
 * The class-level figures of the learned yardstick, from a classifier's decisions: how many classes
 * the generator draws, how far its class histogram is from the real one, how often a reconstruction
 * keeps its original's class, and how often the classifier itself is right.
 */
public final class ClassMetrics {
    /** A class is covered when at least this share of the generated samples fall into it. */
    public static final double COVERED_SHARE = 0.01;

    private ClassMetrics() {
    }

    /** How many times each class occurs among the decisions: [classes]. */
    public static long[] histogram(int[] decided, int classes) {
        long[] counts = new long[classes];
        for (int c : decided) {
            counts[c]++;
        }
        return counts;
    }

    /** Classes that receive at least 1% of the samples. */
    public static int classesCovered(long[] generated) {
        long n = java.util.Arrays.stream(generated).sum();
        int covered = 0;
        for (long c : generated) {
            if (n > 0 && c >= COVERED_SHARE * n) {
                covered++;
            }
        }
        return covered;
    }

    /**
     * KL(p ‖ q) in nats, p the generated class histogram and q the real one, both as shares. q is
     * Laplace-smoothed, (count + 1)/(N + K), so that a class the real sample happens to miss gives
     * a finite figure; p is not, so a generator that draws only what the real data holds scores 0.
     */
    public static double classKl(long[] generated, long[] real) {
        long n = java.util.Arrays.stream(generated).sum();
        long m = java.util.Arrays.stream(real).sum();
        double kl = 0;
        for (int k = 0; k < generated.length; k++) {
            if (generated[k] > 0) {
                double p = (double) generated[k] / n;
                double q = (real[k] + 1.0) / (m + generated.length);
                kl += p * Math.log(p / q);
            }
        }
        return kl;
    }

    /** The share of positions where the two decisions agree (a reconstruction kept its original's class). */
    public static double kept(int[] original, int[] reconstructed) {
        return accuracy(reconstructed, original);
    }

    /** The share of labelled rows (label ≥ 0) whose decision equals the label; NaN when none is labelled. */
    public static double accuracy(int[] decided, int[] labels) {
        if (decided.length != labels.length) {
            throw new IllegalArgumentException(decided.length + " decisions for " + labels.length + " labels");
        }
        int right = 0;
        int counted = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] >= 0) {
                counted++;
                right += decided[i] == labels[i] ? 1 : 0;
            }
        }
        return counted == 0 ? Double.NaN : (double) right / counted;
    }
}
