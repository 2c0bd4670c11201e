package ganinv.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import ganinv.UserError;

/**
 * What ends the dcgan-up generator, recorded in {@code config.json} and so in every checkpoint.
 * <ul>
 *   <li>{@code tanh}: squashed into (-1, 1), as in {@code shared/bench/torch_dlsgan_step.py}; what
 *   every dcgan-up run made before the option existed was trained with, and what a config without
 *   it reads as. It can saturate: G drives every pixel to -1, where tanh's gradient vanishes, and D
 *   wins for good (docs/stability.md: a third of the shapes starts of every method).</li>
 *   <li>{@code linear} (the default recipe's, for every method): the last convolution's output as it
 *   is, as in StyleGAN2 and the DLSGAN authors' code; images are clipped to [-1, 1] when they become
 *   pixels.</li>
 * </ul>
 * The stylegan2 generator always ends linear.
 */
public enum OutputLayer {
    LINEAR("linear"), TANH("tanh");

    private final String flag;

    OutputLayer(String flag) {
        this.flag = flag;
    }

    @JsonCreator
    public static OutputLayer parse(String text) {
        for (OutputLayer o : values()) {
            if (o.flag.equals(text)) {
                return o;
            }
        }
        throw new UserError("--g-output " + text + ": unknown; choose linear or tanh");
    }

    @JsonValue
    @Override
    public String toString() {
        return flag;
    }
}
