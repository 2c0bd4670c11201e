package ganinv.api.types;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The reconstruction objective of optimisation and hybrid inversion. {@link #toString()} is the command line's spelling
 * ({@code --loss l2}), which {@link #parse} reads.
 */
public enum InvertLoss {
    /** Mean squared pixel difference, pixels in [−1, 1] (the default). */
    L2("l2"),
    /** Mean absolute pixel difference. */
    L1("l1"),
    /** l2 plus the mean squared difference of D's trunk activations after each down-sampling stage. */
    L2_FEATURES("l2+features");

    private final String spelling;

    InvertLoss(String spelling) {
        this.spelling = spelling;
    }

    /**
     * @param text the spelling, as the command line takes it
     * @return the constant
     * @throws BadInputException naming the choices when there is none by that name
     */
    @JsonCreator
    public static InvertLoss parse(String text) {
        return Choices.parse(InvertLoss.class, text, "--loss");
    }

    /** @return the spelling, as the command line takes it and run files record it */
    @JsonValue
    @Override
    public String toString() {
        return spelling;
    }
}
