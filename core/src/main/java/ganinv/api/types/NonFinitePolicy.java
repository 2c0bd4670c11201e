package ganinv.api.types;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What training does when a loss or weight stops being finite. {@link #toString()} is the command line's spelling
 * ({@code --on-nonfinite stop}), which {@link #parse} reads.
 */
public enum NonFinitePolicy {
    /** End the run, naming the step and the term (the default). */
    STOP("stop"),
    /** Resume from the last checkpoint with every learning rate halved, up to 5 times. */
    ROLLBACK("rollback");

    private final String spelling;

    NonFinitePolicy(String spelling) {
        this.spelling = spelling;
    }

    /**
     * @param text the spelling, as the command line takes it
     * @return the constant
     * @throws BadInputException naming the choices when there is none by that name
     */
    @JsonCreator
    public static NonFinitePolicy parse(String text) {
        return Choices.parse(NonFinitePolicy.class, text, "--on-nonfinite");
    }

    /** @return the spelling, as the command line takes it and run files record it */
    @JsonValue
    @Override
    public String toString() {
        return spelling;
    }
}
