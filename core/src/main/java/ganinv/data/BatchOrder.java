package ganinv.data;

import java.util.SplittableRandom;

/**
 * Which dataset indices make up the batch of a given step. A pure function of (seed, step),
 * so a resumed run reads exactly the images the uninterrupted run would have read. A finite
 * set is visited in a fresh random permutation every epoch; an infinite set in index order.
 */
public final class BatchOrder {
    private final long size;
    private final long seed;
    private long cachedEpoch = -1;
    private int[] permutation;

    public BatchOrder(long size, long seed) {
        this.size = size;
        this.seed = seed;
    }

    /** Dataset indices for the {@code batch} images at global positions [step·batch, (step+1)·batch). */
    public long[] indices(long step, int batch) {
        long[] out = new long[batch];
        for (int j = 0; j < batch; j++) {
            long position = step * batch + j;
            out[j] = size == Dataset.INFINITE ? position : permutation(position / size)[(int) (position % size)];
        }
        return out;
    }

    private int[] permutation(long epoch) {
        if (epoch != cachedEpoch) {
            int n = Math.toIntExact(size);
            permutation = new int[n];
            for (int i = 0; i < n; i++) {
                permutation[i] = i;
            }
            SplittableRandom rng = new SplittableRandom(seed ^ (epoch * 0x9E3779B97F4A7C15L));
            for (int i = n - 1; i > 0; i--) {
                int k = rng.nextInt(i + 1);
                int t = permutation[i];
                permutation[i] = permutation[k];
                permutation[k] = t;
            }
            cachedEpoch = epoch;
        }
        return permutation;
    }
}
