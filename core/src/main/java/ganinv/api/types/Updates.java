package ganinv.api.types;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How a DLSGAN step updates D and G. {@link #toString()} is the command line's spelling
 * ({@code --updates simultaneous}), which {@link #parse} reads.
 */
public enum Updates {
    /** Both from one z through the same D, as Algorithm 1 (the default). */
    SIMULTANEOUS("simultaneous"),
    /** D first, then G with a fresh z through the updated D. */
    ALTERNATING("alternating");

    private final String spelling;

    Updates(String spelling) {
        this.spelling = spelling;
    }

    /**
     * @param text the spelling, as the command line takes it
     * @return the constant
     * @throws BadInputException naming the choices when there is none by that name
     */
    @JsonCreator
    public static Updates parse(String text) {
        return Choices.parse(Updates.class, text, "--updates");
    }

    /** @return the spelling, as the command line takes it and run files record it */
    @JsonValue
    @Override
    public String toString() {
        return spelling;
    }
}
