package ganinv.metrics;

/**
 * The feature-learning test of the BiGAN paper: a multinomial logistic-regression probe on
 * latent codes, trained on one split and scored on the other. Codes are standardised with the
 * training split's mean and deviation; the probe is fitted by 500 full-batch gradient steps
 * (step 0.5, L2 1e-4) on the mean cross-entropy, which is convex, so the result does not depend
 * on a seed.
 */
public final class LinearProbe {
    private static final int ITERATIONS = 500;
    private static final double STEP = 0.5;
    private static final double L2 = 1e-4;

    private LinearProbe() {
    }

    /**
     * @param codes N × d row-major
     * @param labels N labels in [0, classes)
     * @param train which rows train the probe; the others are scored
     * @return the accuracy on the scored rows, in [0, 1]
     */
    public static double accuracy(float[] codes, int d, int[] labels, int classes, boolean[] train) {
        int n = labels.length;
        double[] mean = new double[d];
        double[] std = new double[d];
        int nTrain = 0;
        for (int i = 0; i < n; i++) {
            if (train[i]) {
                nTrain++;
                for (int j = 0; j < d; j++) {
                    mean[j] += codes[i * d + j];
                }
            }
        }
        if (nTrain == 0 || nTrain == n) {
            throw new IllegalArgumentException("the probe needs rows on both splits");
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= nTrain;
        }
        for (int i = 0; i < n; i++) {
            if (train[i]) {
                for (int j = 0; j < d; j++) {
                    double c = codes[i * d + j] - mean[j];
                    std[j] += c * c / nTrain;
                }
            }
        }
        double[][] x = new double[n][d + 1];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i][j] = (codes[i * d + j] - mean[j]) / Math.sqrt(std[j] + 1e-12);
            }
            x[i][d] = 1;                                                      // bias feature
        }
        double[][] w = fit(x, labels, classes, train, nTrain);
        int correct = 0;
        int scored = 0;
        for (int i = 0; i < n; i++) {
            if (!train[i]) {
                scored++;
                correct += argmax(logits(w, x[i])) == labels[i] ? 1 : 0;
            }
        }
        return (double) correct / scored;
    }

    private static double[][] fit(double[][] x, int[] labels, int classes, boolean[] train, int nTrain) {
        int f = x[0].length;
        double[][] w = new double[classes][f];
        for (int it = 0; it < ITERATIONS; it++) {
            double[][] grad = new double[classes][f];
            for (int i = 0; i < x.length; i++) {
                if (!train[i]) {
                    continue;
                }
                double[] p = softmax(logits(w, x[i]));
                for (int c = 0; c < classes; c++) {
                    double err = p[c] - (labels[i] == c ? 1 : 0);
                    for (int j = 0; j < f; j++) {
                        grad[c][j] += err * x[i][j] / nTrain;
                    }
                }
            }
            for (int c = 0; c < classes; c++) {
                for (int j = 0; j < f; j++) {
                    w[c][j] -= STEP * (grad[c][j] + L2 * w[c][j]);
                }
            }
        }
        return w;
    }

    private static double[] logits(double[][] w, double[] x) {
        double[] z = new double[w.length];
        for (int c = 0; c < w.length; c++) {
            for (int j = 0; j < x.length; j++) {
                z[c] += w[c][j] * x[j];
            }
        }
        return z;
    }

    private static double[] softmax(double[] z) {
        double max = z[argmax(z)];
        double sum = 0;
        double[] p = new double[z.length];
        for (int c = 0; c < z.length; c++) {
            p[c] = Math.exp(z[c] - max);
            sum += p[c];
        }
        for (int c = 0; c < z.length; c++) {
            p[c] /= sum;
        }
        return p;
    }

    private static int argmax(double[] z) {
        int best = 0;
        for (int c = 1; c < z.length; c++) {
            if (z[c] > z[best]) {
                best = c;
            }
        }
        return best;
    }
}
