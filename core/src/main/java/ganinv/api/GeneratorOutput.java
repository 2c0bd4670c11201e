package ganinv.api;

/**
 * What ends a dcgan-up generator. {@link #toString()} is the command line's spelling
 * ({@code --g-output tanh}), which {@link #parse} reads.
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
    public static GeneratorOutput parse(String text) {
        return Choices.parse(GeneratorOutput.class, text, "--g-output");
    }

    /** @return the spelling, as the command line takes it and run files record it */
    @Override
    public String toString() {
        return spelling;
    }
}
