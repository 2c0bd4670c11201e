package ganinv.api.types;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Which DLSGAN networks the encoder loss L_enc trains. {@link #toString()} is the command line's spelling
 * ({@code --encoder-loss-on dg}), which {@link #parse} reads.
 */
public enum EncoderLossOn {
    /** D and G (the paper's "DG", the default). */
    DG("dg"),
    /** D only (the paper's "D"). */
    D("d");

    private final String spelling;

    EncoderLossOn(String spelling) {
        this.spelling = spelling;
    }

    /**
     * @param text the spelling, as the command line takes it
     * @return the constant
     * @throws BadInputException naming the choices when there is none by that name
     */
    @JsonCreator
    public static EncoderLossOn parse(String text) {
        return Choices.parse(EncoderLossOn.class, text, "--encoder-loss-on");
    }

    /** @return the spelling, as the command line takes it and run files record it */
    @JsonValue
    @Override
    public String toString() {
        return spelling;
    }
}
