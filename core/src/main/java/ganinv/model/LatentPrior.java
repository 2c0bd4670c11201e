package ganinv.model;

import ganinv.UserError;

import java.util.Locale;
import java.util.random.RandomGenerator;

/** The latent distribution p(z): standard normal, or uniform on [-√3, √3] (also unit variance). */
public enum LatentPrior {
    NORMAL, UNIFORM;

    private static final double SQRT3 = Math.sqrt(3);

    public static LatentPrior parse(String text) {
        try {
            return valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserError("--latent-dist " + text + ": must be 'normal' or 'uniform'");
        }
    }

    /** n codes of size d, row-major [n, d]. */
    public float[] sample(RandomGenerator rng, int n, int d) {
        float[] z = new float[n * d];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) (this == NORMAL ? rng.nextGaussian() : (2 * rng.nextDouble() - 1) * SQRT3);
        }
        return z;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
