package ganinv.random;

import java.util.random.RandomGenerator;

/**
 * SplitMix64: a random generator whose whole state is one long, so that a checkpoint can save
 * it and a resumed run draws exactly the latents the uninterrupted run would have drawn.
 * {@link #nextGaussian()} and friends are the JDK's defaults, which only call {@link #nextLong()}.
 */
public final class Rng implements RandomGenerator {
    private long state;

    public Rng(long seed) {
        this.state = seed;
    }

    @Override
    public long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public long state() {
        return state;
    }

    public void restore(long savedState) {
        this.state = savedState;
    }
}
