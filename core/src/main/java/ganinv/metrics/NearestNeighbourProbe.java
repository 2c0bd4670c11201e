package ganinv.metrics;

/**
 * The 1-nearest-neighbour probe of the BiGAN paper (Donahue et al. 2017, Table 1): each scored
 * code takes the label of the reference code at the smallest cosine distance
 * 1 − a·b / (‖a‖‖b‖). No fitting and no seed: the codes alone decide.
 */
public final class NearestNeighbourProbe {
    private NearestNeighbourProbe() {
    }

    /**
     * @param codes N × d row-major
     * @param labels N labels
     * @param reference which rows are the reference set; the others are scored
     * @return the fraction of scored rows whose nearest reference row has their label, in [0, 1];
     *     ties go to the lowest reference row, and an all-zero code is at distance 1 from every code
     */
    public static double accuracy(float[] codes, int d, int[] labels, boolean[] reference) {
        int n = labels.length;
        double[] norm = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                s += (double) codes[i * d + j] * codes[i * d + j];
            }
            norm[i] = Math.sqrt(s);
        }
        int correct = 0;
        int scored = 0;
        for (int i = 0; i < n; i++) {
            if (reference[i]) {
                continue;
            }
            scored++;
            int best = -1;
            double bestSimilarity = Double.NEGATIVE_INFINITY;
            for (int r = 0; r < n; r++) {
                if (!reference[r]) {
                    continue;
                }
                double similarity = cosine(codes, d, i, r, norm);
                if (similarity > bestSimilarity) {      // smallest distance = largest similarity
                    bestSimilarity = similarity;
                    best = r;
                }
            }
            if (best < 0) {
                throw new IllegalArgumentException("the 1-NN probe needs at least one reference row");
            }
            correct += labels[best] == labels[i] ? 1 : 0;
        }
        if (scored == 0) {
            throw new IllegalArgumentException("the 1-NN probe needs at least one scored row");
        }
        return (double) correct / scored;
    }

    private static double cosine(float[] codes, int d, int a, int b, double[] norm) {
        if (norm[a] == 0 || norm[b] == 0) {
            return 0;
        }
        double dot = 0;
        for (int j = 0; j < d; j++) {
            dot += (double) codes[a * d + j] * codes[b * d + j];
        }
        return dot / (norm[a] * norm[b]);
    }
}
