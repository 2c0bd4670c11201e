package ganinv.objective;

import ganinv.api.types.LatentDistribution;
import ganinv.model.Network;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ganinv.model.NetConfig;

import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * A way to train an invertible GAN: its networks, optimizers and one training step. The loop
 * in {@code ganinv.train} is the same for every method; everything method-specific is here.
 * {@link #name()} is the name used on the command line and in run folders.
 */
public interface GanMethod extends Trainable {
    NetConfig net();

    LatentDistribution prior();

    /**
     * One training step on a batch of real images.
     *
     * @param scope the step's manager; every array made here dies with it
     * @param real [B, C, R, R] in [-1, 1]
     * @param rng the source of every latent drawn, so that resume is exact
     * @return each loss term by name, as plain numbers
     */
    Map<String, Double> step(NDManager scope, NDArray real, RandomGenerator rng);

    /** G: [N, d] -> [N, C, R, R]. */
    NDArray generate(NDArray z);

    /** The generator {@link #generate} runs: G's EMA ("G_ema") when the run keeps one, else G. */
    Network sampler();

    /** Makes {@link #generate} run G itself ("G") or its EMA ("G_ema"); a user error when there is no such generator. */
    void sampleFrom(ganinv.api.types.Generator which);

    /**
     * The inverse map E: [N, C, R, R] -> [N, d], in the units {@link #generate} takes: the encoder
     * given to {@link #useEncoder} when there is one, else the one trained with G.
     */
    NDArray encode(NDArray x);

    /**
     * Makes {@link #encode} run {@code fitted} (an encoder fitted to this G with G frozen), or with
     * null the encoder trained with G again. Never trained here.
     */
    void useEncoder(FittedEncoder fitted);

    /**
     * A new network holding a copy of the encoder trained with G (for a method without one, fresh
     * weights from the engine's generator), in {@code manager}: where a fit starts, and the shape a
     * fitted encoder's checkpoint loads into. The method's own networks are left as they are.
     */
    FittedEncoder encoderCopy(NDManager manager);

    /** False for a method whose encoder can only be fitted afterwards ({@code gan}). */
    default boolean hasTrainedEncoder() {
        return true;
    }

    /** The latent scale s [d] that G's input is multiplied by, for methods that have one (DLSGAN). */
    default Optional<float[]> latentScale(NDManager scope) {
        return Optional.empty();
    }

    /** Called before every step with the epoch it belongs to, for methods whose learning rate decays. */
    default void startEpoch(long epoch) {
    }

    /** Whether {@link #encode} works: a fitted encoder is in use or the method trained one. */
    boolean hasEncoder();
}
