package ganinv.api.types;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The training method: how the encoder is learnt with (or after) the GAN. {@link #toString()} is the command line's spelling
 * ({@code --method latent-regression}), which {@link #parse} reads.
 */
public enum Method {
    /** G, image D and an encoder E trained on λ·‖z − E(G(z))‖²/d. */
    LATENT_REGRESSION("latent-regression"),
    /** BiGAN: D on joint (x, z) pairs, E trained adversarially with G. */
    BIGAN("bigan"),
    /** A plain GAN; an encoder is fitted afterwards ({@code fit-encoder}). */
    GAN("gan"),
    /** DLSGAN: D with a latent head and the dynamic latent scale s (the default). */
    DLSGAN("dlsgan");

    private final String spelling;

    Method(String spelling) {
        this.spelling = spelling;
    }

    /**
     * @param text the spelling, as the command line takes it
     * @return the constant
     * @throws BadInputException naming the choices when there is none by that name
     */
    @JsonCreator
    public static Method parse(String text) {
        return Choices.parse(Method.class, text, "--method");
    }

    /** @return the spelling, as the command line takes it and run files record it */
    @JsonValue
    @Override
    public String toString() {
        return spelling;
    }
}
