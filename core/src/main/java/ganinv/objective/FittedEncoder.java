package ganinv.objective;

import ai.djl.ndarray.NDArray;
import ganinv.model.Network;

/**
 * An encoder held apart from the networks a method trains: the start and the result of
 * {@code fit-encoder}. {@code network} maps [N, C, R, R] to [N, skip + d]; the code is its last d
 * columns. DLSGAN's copy keeps D's shape (skip 1, column 0 the unused adversarial logit) so that
 * every weight of D's trunk and latent head copies by name; the other methods' copies are E itself
 * (skip 0).
 */
public record FittedEncoder(Network network, int skip) {
    public FittedEncoder {
        if (skip < 0) {
            throw new IllegalArgumentException("skip must be >= 0, got " + skip);
        }
    }

    /** E(x): [N, C, R, R] -> [N, d], in the units the method's {@code generate} takes. */
    public NDArray encode(NDArray x) {
        NDArray out = network.forward(x);
        return skip == 0 ? out : out.get(":, " + skip + ":");
    }
}
