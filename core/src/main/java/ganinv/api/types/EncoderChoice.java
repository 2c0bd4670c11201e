package ganinv.api.types;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Which encoder inverts: the one the run trained with its generator, or the one {@code ganinv
 * fit-encoder} fitted to the frozen generator afterwards. {@link #toString()} is the command line's
 * spelling ({@code --encoder fitted}), which {@link #parse} reads.
 */
public enum EncoderChoice {
    /** The encoder trained with G (latent-regression's and BiGAN's E, DLSGAN's latent head on D). */
    TRAINED("trained"),
    /** The encoder in the run's {@code encoder/} folder, fitted with G frozen. */
    FITTED("fitted");

    private final String spelling;

    EncoderChoice(String spelling) {
        this.spelling = spelling;
    }

    /**
     * @param text the spelling, as the command line takes it
     * @return the constant
     * @throws BadInputException naming the choices when there is none by that name
     */
    @JsonCreator
    public static EncoderChoice parse(String text) {
        return Choices.parse(EncoderChoice.class, text, "--encoder");
    }

    /** @return the spelling, as the command line takes it and run files record it */
    @JsonValue
    @Override
    public String toString() {
        return spelling;
    }
}
