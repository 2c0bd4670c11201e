package ganinv.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import ganinv.UserError;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The network family of a run, recorded in {@code config.json} and so in every checkpoint.
 * <ul>
 *   <li>{@code dcgan-up}: the plain upsample-convolve generator and pooling discriminator of
 *   {@code shared/bench/torch_dlsgan_step.py} ({@link Generator}, {@link Discriminator});</li>
 *   <li>{@code stylegan2}: the DLSGAN paper's network, a StyleGAN2-style generator without noise
 *   inputs ({@link StyleGenerator}) and StyleGAN2's residual discriminator without minibatch
 *   stddev ({@link ResidualDiscriminator}).</li>
 * </ul>
 */
public enum Arch {
    DCGAN_UP("dcgan-up"), STYLEGAN2("stylegan2");

    private final String flag;

    Arch(String flag) {
        this.flag = flag;
    }

    @JsonCreator
    public static Arch parse(String text) {
        for (Arch a : values()) {
            if (a.flag.equals(text)) {
                return a;
            }
        }
        throw new UserError("--arch " + text + ": unknown; choose one of "
                + Arrays.stream(values()).map(Arch::toString).collect(Collectors.joining(", ")));
    }

    @JsonValue
    @Override
    public String toString() {
        return flag;
    }
}
