package ganinv.api.types;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What ends a dcgan-up generator, recorded in {@code config.json} and so in every checkpoint (a config
 * without it reads as {@code tanh}, what every run before the option was trained with). tanh can
 * saturate: G drives every pixel to -1, where its gradient vanishes, and D wins for good
 * (docs/stability.md); linear leaves the last convolution's output as it is, as StyleGAN2 and the
 * DLSGAN authors' code do. The stylegan2 generator always ends linear. {@link #toString()} is the
 * command line's spelling ({@code --g-output tanh}), which {@link #parse} reads.
 */
public enum GeneratorOutput {
    /** tanh, as the seeds' networks end: it can saturate (docs/stability.md). */
    TANH("tanh"),
    /** Nothing (the default): images are clipped to [−1, 1] when they become pixels. */
    LINEAR("linear");

    private final String spelling;

    GeneratorOutput(String spelling) {
        this.spelling = spelling;
    }

    /**
     * @param text the spelling, as the command line takes it
     * @return the constant
     * @throws BadInputException naming the choices when there is none by that name
     */
    @JsonCreator
    public static GeneratorOutput parse(String text) {
        return Choices.parse(GeneratorOutput.class, text, "--g-output");
    }

    /** @return the spelling, as the command line takes it and run files record it */
    @JsonValue
    @Override
    public String toString() {
        return spelling;
    }
}
