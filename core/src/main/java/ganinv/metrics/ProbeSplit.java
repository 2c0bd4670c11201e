package ganinv.metrics;

import java.util.Map;
import java.util.TreeMap;

/**
 * How the probes split N labelled rows, and what their accuracies must be read against: even
 * rows train the linear probe and are the 1-NN reference set, odd rows are scored.
 *
 * @param train which rows train (or are the reference set); the others are scored
 * @param trainSize rows that train
 * @param testSize rows scored
 * @param classes distinct labels among the training rows: the classes a probe can answer
 * @param chance the accuracy of always answering the most frequent class of the scored rows
 */
public record ProbeSplit(boolean[] train, int trainSize, int testSize, int classes, double chance) {
    public ProbeSplit {
        if (trainSize < 1 || testSize < 1) {
            throw new IllegalArgumentException("a probe needs rows on both splits; got " + trainSize + " and " + testSize);
        }
    }

    /** Even rows train, odd rows are scored (the order the rows come in decides nothing else). */
    public static ProbeSplit evenOdd(int[] labels) {
        boolean[] train = new boolean[labels.length];
        Map<Integer, Integer> trainCounts = new TreeMap<>();
        Map<Integer, Integer> testCounts = new TreeMap<>();
        for (int i = 0; i < labels.length; i++) {
            train[i] = i % 2 == 0;
            (train[i] ? trainCounts : testCounts).merge(labels[i], 1, Integer::sum);
        }
        int testSize = labels.length / 2;
        int most = testCounts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        return new ProbeSplit(train, labels.length - testSize, testSize, trainCounts.size(),
                testSize == 0 ? Double.NaN : (double) most / testSize);
    }
}
