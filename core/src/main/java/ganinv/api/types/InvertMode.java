package ganinv.api.types;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How a run's {@code invert} finds a latent code for an image. */
public enum InvertMode {
    /** One pass of the run's encoder, z = E(x): milliseconds per image. */
    ENCODER,
    /** Adam on z from random starts, minimising the reconstruction loss; needs no encoder. */
    OPTIMIZE,
    /** Adam on z starting from the encoder's code: never worse than {@link #ENCODER} on the objective. */
    HYBRID;

    /**
     * @param text encoder, optimize or hybrid, as {@code --mode} takes it
     * @return the constant
     * @throws BadInputException naming the choices when there is none by that name
     */
    @JsonCreator
    public static InvertMode parse(String text) {
        return Choices.parse(InvertMode.class, text, "--mode");
    }

    /** @return the spelling, as {@code --mode} takes it */
    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
