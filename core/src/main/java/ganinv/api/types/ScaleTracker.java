package ganinv.api.types;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How DLSGAN tracks the variance behind its latent scale. {@link #toString()} is the command line's spelling
 * ({@code --scale-tracker ring}), which {@link #parse} reads.
 */
public enum ScaleTracker {
    /** The paper's mean over the last 512 batches (the default). */
    RING("ring"),
    /** The authors' later code: an exponential moving average with rate 0.001. */
    EMA("ema");

    private final String spelling;

    ScaleTracker(String spelling) {
        this.spelling = spelling;
    }

    /**
     * @param text the spelling, as the command line takes it
     * @return the constant
     * @throws BadInputException naming the choices when there is none by that name
     */
    @JsonCreator
    public static ScaleTracker parse(String text) {
        return Choices.parse(ScaleTracker.class, text, "--scale-tracker");
    }

    /** @return the spelling, as the command line takes it and run files record it */
    @JsonValue
    @Override
    public String toString() {
        return spelling;
    }
}
