package ganinv.api.types;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.random.RandomGenerator;

/**
 * The prior of z. {@link #toString()} is the command line's spelling
 * ({@code --latent-dist normal}), which {@link #parse} reads.
 */
public enum LatentDistribution {
    /** N(0, I) (the default). */
    NORMAL("normal"),
    /** Uniform on [−√3, √3]: unit variance. */
    UNIFORM("uniform");

    private static final double SQRT3 = Math.sqrt(3);

    private final String spelling;

    LatentDistribution(String spelling) {
        this.spelling = spelling;
    }

    /**
     * @param rng the draws' source
     * @param n codes
     * @param d elements per code
     * @return n codes of this distribution, row-major [n, d]
     */
    public float[] sample(RandomGenerator rng, int n, int d) {
        float[] z = new float[n * d];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) (this == NORMAL ? rng.nextGaussian() : (2 * rng.nextDouble() - 1) * SQRT3);
        }
        return z;
    }

    /**
     * @param text the spelling, as the command line takes it
     * @return the constant
     * @throws BadInputException naming the choices when there is none by that name
     */
    public static LatentDistribution parse(String text) {
        return Choices.parse(LatentDistribution.class, text, "--latent-dist");
    }

    /** config.json's reading: runs made before the spelling was checked exactly saved it as typed ("Uniform"). */
    @JsonCreator
    static LatentDistribution fromJson(String text) {
        return parse(text == null ? null : text.toLowerCase(java.util.Locale.ROOT));
    }

    /** @return the spelling, as the command line takes it and run files record it */
    @JsonValue
    @Override
    public String toString() {
        return spelling;
    }
}
