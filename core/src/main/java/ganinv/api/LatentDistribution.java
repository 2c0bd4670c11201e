package ganinv.api;

/**
 * The prior of z. {@link #toString()} is the command line's spelling
 * ({@code --latent-dist normal}), which {@link #parse} reads.
 */
public enum LatentDistribution {
    /** N(0, I) (the default). */
    NORMAL("normal"),
    /** Uniform on [−√3, √3]: unit variance. */
    UNIFORM("uniform");

    private final String spelling;

    LatentDistribution(String spelling) {
        this.spelling = spelling;
    }

    /**
     * @param text the spelling, as the command line takes it
     * @return the constant
     * @throws BadInputException naming the choices when there is none by that name
     */
    public static LatentDistribution parse(String text) {
        return Choices.parse(LatentDistribution.class, text, "--latent-dist");
    }

    /** @return the spelling, as the command line takes it and run files record it */
    @Override
    public String toString() {
        return spelling;
    }
}
