package ganinv.api;

import ganinv.api.types.BadInputException;
import java.nio.file.Path;

/**
 * How {@link GanRun#evaluate(String, EvaluationSettings)} measures: {@code ganinv evaluate}'s flags.
 *
 * @param count N, real and generated images each, at least 10
 * @param seed seed of the data drawn and the generated latents (the command's default: 1000003)
 * @param inception NVIDIA's TorchScript Inception file for FID/KID, or null
 * @param classifier a {@code ganinv train-classifier} file for FID/KID and the class figures, or null
 * @param hybridCount how many of the real images to invert by hybrid as well (0: none)
 */
public record EvaluationSettings(int count, long seed, Path inception, Path classifier, int hybridCount) {
    /** The seed {@code evaluate} draws with unless told: the demo's held-out seed. */
    public static final long DEFAULT_SEED = 1_000_003L;

    /**
     * @param count as above
     * @param seed as above
     * @param inception as above
     * @param classifier as above
     * @param hybridCount as above
     * @throws BadInputException for a count under 10, a negative hybrid count, or both feature files
     */
    public EvaluationSettings {
        Guard.run(() -> options(count, seed, inception, classifier, hybridCount));
    }

    /**
     * @param count N
     * @return N images with the default seed, the fallback features and no hybrid inversion
     */
    public static EvaluationSettings of(int count) {
        return new EvaluationSettings(count, DEFAULT_SEED, null, null, 0);
    }

    private static ganinv.train.Measure.Options options(int count, long seed, Path inception, Path classifier, int hybrid) {
        return new ganinv.train.Measure.Options(count, seed, inception, classifier, hybrid);
    }

    ganinv.train.Measure.Options options() {
        return options(count, seed, inception, classifier, hybridCount);
    }
}
