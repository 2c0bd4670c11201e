package ganinv.api.types;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The network family of a run, recorded in {@code config.json} and so in every checkpoint: dcgan-up is
 * the plain generator and discriminator of {@code shared/bench/torch_dlsgan_step.py}; stylegan2 the
 * DLSGAN paper's network without noise inputs. {@link #toString()} is the command line's spelling
 * ({@code --arch dcgan-up}), which {@link #parse} reads.
 */
public enum Architecture {
    /** Upsample-and-convolve G, plain convolutional D (the default). */
    DCGAN_UP("dcgan-up"),
    /** The DLSGAN paper's family: mapping network, modulated convolutions, residual D. */
    STYLEGAN2("stylegan2");

    private final String spelling;

    Architecture(String spelling) {
        this.spelling = spelling;
    }

    /**
     * @param text the spelling, as the command line takes it
     * @return the constant
     * @throws BadInputException naming the choices when there is none by that name
     */
    @JsonCreator
    public static Architecture parse(String text) {
        return Choices.parse(Architecture.class, text, "--arch");
    }

    /** @return the spelling, as the command line takes it and run files record it */
    @JsonValue
    @Override
    public String toString() {
        return spelling;
    }
}
