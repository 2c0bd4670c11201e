package ganinv.data;

import ganinv.random.Rng;

import java.util.NoSuchElementException;
import java.util.PrimitiveIterator;

/**
 * Which images of a finite source (folder, IDX, CIFAR-10) a command reads when {@code --count}
 * cuts it to N below its size. Sources are class-sorted by convention (ImageFolder subfolders,
 * CIFAR's batches are not, MNIST's test file nearly is), so the first N would often hold a few
 * classes only; a seeded uniform sample holds every class in proportion.
 */
public enum Subset {
    /** A uniform random sample without replacement, drawn from the seed, in the order drawn. */
    RANDOM,
    /** The first N in the source's order: what runs trained before random subsets existed used; their resume keeps it. */
    FIRST;

    /** Kept apart from the other uses of the same seed (weights, latents), so that they do not correlate. */
    private static final long SALT = 0x5355425345542131L;

    /**
     * The source's indices in the order they are used: a command that needs N images reads the
     * first N that this yields (more when some cannot be decoded). RANDOM is a lazy Fisher-Yates
     * shuffle over SplitMix64 with an explicit bounded draw, so the same seed gives the same
     * images on every machine and JDK.
     *
     * @param size how many images the source has
     */
    public PrimitiveIterator.OfInt order(int size, long seed) {
        if (size < 0) {
            throw new IllegalArgumentException("size " + size);
        }
        return this == FIRST ? new Sequential(size) : new Shuffle(size, new Rng(seed ^ SALT));
    }

    /** The first {@code n} indices of {@link #order}: the images used when N of {@code size} are wanted. */
    public int[] indices(int size, int n, long seed) {
        PrimitiveIterator.OfInt it = order(size, seed);
        int[] out = new int[Math.min(n, size)];
        for (int i = 0; i < out.length; i++) {
            out[i] = it.nextInt();
        }
        return out;
    }

    /** Words for a dataset's description: which N images are used. */
    public String describe(int n, long seed) {
        return this == FIRST ? "the first " + n + " used" : n + " drawn at random (seed " + seed + ") used";
    }

    private static final class Sequential implements PrimitiveIterator.OfInt {
        private final int size;
        private int next;

        Sequential(int size) {
            this.size = size;
        }

        @Override
        public boolean hasNext() {
            return next < size;
        }

        @Override
        public int nextInt() {
            if (next >= size) {
                throw new NoSuchElementException();
            }
            return next++;
        }
    }

    private static final class Shuffle implements PrimitiveIterator.OfInt {
        private final int[] perm;
        private final Rng rng;
        private int next;

        Shuffle(int size, Rng rng) {
            this.perm = new int[size];
            for (int i = 0; i < size; i++) {
                perm[i] = i;
            }
            this.rng = rng;
        }

        @Override
        public boolean hasNext() {
            return next < perm.length;
        }

        @Override
        public int nextInt() {
            if (next >= perm.length) {
                throw new NoSuchElementException();
            }
            // A 63-bit draw modulo at most 2^31: the bias is below 2^-32, and the arithmetic is
            // spelt out here rather than left to RandomGenerator's default, which a JDK may change.
            int j = next + (int) ((rng.nextLong() >>> 1) % (perm.length - next));
            int picked = perm[j];
            perm[j] = perm[next];
            perm[next] = picked;
            next++;
            return picked;
        }
    }
}
