package ganinv.api.types;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Which generator weights render: the trained ones or their moving average. {@link #toString()} is the command line's spelling
 * ({@code --generator G}), which {@link #parse} reads.
 */
public enum Generator {
    /** The generator as trained. */
    G("G"),
    /** The exponential moving average of its weights (runs trained with a G EMA). */
    G_EMA("G_ema");

    private final String spelling;

    Generator(String spelling) {
        this.spelling = spelling;
    }

    /**
     * @param text the spelling, as the command line takes it
     * @return the constant
     * @throws BadInputException naming the choices when there is none by that name
     */
    @JsonCreator
    public static Generator parse(String text) {
        return Choices.parse(Generator.class, text, "--generator");
    }

    /** @return the spelling, as the command line takes it and run files record it */
    @JsonValue
    @Override
    public String toString() {
        return spelling;
    }
}
