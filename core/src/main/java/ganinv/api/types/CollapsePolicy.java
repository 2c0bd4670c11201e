package ganinv.api.types;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What training does when D wins outright in the first 1000 steps. {@link #toString()} is the command line's spelling
 * ({@code --on-collapse restart}), which {@link #parse} reads.
 */
public enum CollapsePolicy {
    /** Start again from fresh weights and latent draws, up to 3 times (the default). */
    RESTART("restart"),
    /** End the run with one line. */
    STOP("stop"),
    /** Never check. */
    OFF("off");

    private final String spelling;

    CollapsePolicy(String spelling) {
        this.spelling = spelling;
    }

    /**
     * @param text the spelling, as the command line takes it
     * @return the constant
     * @throws BadInputException naming the choices when there is none by that name
     */
    @JsonCreator
    public static CollapsePolicy parse(String text) {
        return Choices.parse(CollapsePolicy.class, text, "--on-collapse");
    }

    /** @return the spelling, as the command line takes it and run files record it */
    @JsonValue
    @Override
    public String toString() {
        return spelling;
    }
}
