package ganinv.bench;

import ganinv.api.types.Method;
import ganinv.api.types.Architecture;
import ganinv.model.NetConfig;

import java.util.stream.LongStream;

/**
 * Floating-point operations of one training step, counted analytically over the convolutions and
 * linear layers (2 per multiply-add; activations, pooling, losses and Adam are left out: they are
 * a few percent at most). A layer's backward pass costs one forward for its weight gradient and
 * one more for its input gradient; the first layer of a network whose input needs no gradient
 * skips the latter, and a frozen network (D in a generator step) skips the former. R1's input-gradient graph has one transposed convolution per convolution of D
 * (plus the logit's row of the head), and is differentiated once more.
 */
public final class StepFlops {
    private StepFlops() {
    }

    /** FLOPs of one step of {@code method} at batch {@code b}, exactly as its step runs its passes. */
    public static double of(Method method, NetConfig c, int b) {
        long[] g = generator(c);
        long[] dImage = discriminator(c, 1);
        return b * (double) switch (method) {
            case DLSGAN -> {
                long[] d = discriminator(c, 1 + c.latentDim());
                long r1 = 3 * (sum(convolutions(d)) + 2L * headInputs(c));
                yield sum(g) + 2 * train(d, false) + r1                            // D step: real, fake, R1
                        + train(g, false) + frozen(d);                            // G step through D
            }
            case LATENT_REGRESSION -> {
                long[] e = discriminator(c, c.latentDim());
                yield sum(g) + 2 * train(dImage, false) + train(g, false) + frozen(dImage) + train(e, true);
            }
            case GAN -> sum(g) + 2 * train(dImage, false) + train(g, false) + frozen(dImage);
            case BIGAN -> {
                long[] e = discriminator(c, c.latentDim());
                long[] trunk = convolutions(discriminator(c, 0));
                long zPath = 2L * c.latentDim() * 4 * c.width() + 2L * 4 * c.width() * 4 * c.width();
                long head = 2L * 20 * c.width() * 4 * c.width() + 2L * 4 * c.width();
                long joint = sum(trunk) + zPath + head;
                long firsts = trunk[0] + 2L * c.latentDim() * 4 * c.width();
                yield sum(g) + sum(e) + 2 * (3 * joint - firsts)                      // D step on both pairs
                        + train(g, false) + joint + sum(trunk) + head               // G's pair through frozen D: ∂/∂x
                        + train(e, false) + joint + zPath + head                    // E's pair through frozen D: ∂/∂z
                        + sum(e);                                                   // the latent_mse diagnostic
            }
        };
    }

    /** Per image, per layer: Linear(d → 16W); k × Conv3x3(W → W) at 8, 16, ..., R; Conv3x3(W → C) at R. */
    static long[] generator(NetConfig c) {
        if (c.arch() == Architecture.STYLEGAN2) {
            return StyleFlops.generator(c);
        }
        long w = c.width();
        LongStream.Builder l = LongStream.builder().add(2L * c.latentDim() * 16 * w);
        for (int i = 0, r = 8; i < c.stages(); i++, r *= 2) {
            l.add(conv(w, w, r));
        }
        return l.add(conv(w, c.channels(), c.resolution())).build().toArray();
    }

    /** Per image, per layer: Conv3x3(C → W) at R; k × Conv3x3(W → W) at R, R/2, ..., 8; Linear(16W → outputs). */
    static long[] discriminator(NetConfig c, int outputs) {
        if (c.arch() == Architecture.STYLEGAN2) {
            return StyleFlops.discriminator(c, outputs);
        }
        long w = c.width();
        LongStream.Builder l = LongStream.builder().add(conv(c.channels(), w, c.resolution()));
        for (int i = 0, r = c.resolution(); i < c.stages(); i++, r /= 2) {
            l.add(conv(w, w, r));
        }
        return l.add(2L * 16 * w * outputs).build().toArray();
    }

    private static long conv(long in, long out, long r) {
        return 2 * 9 * in * out * r * r;
    }

    /** Forward, weight gradients and input gradients; the first layer's input gradient only when asked. */
    private static long train(long[] layers, boolean inputGradient) {
        return 3 * sum(layers) - (inputGradient ? 0 : layers[0]);
    }

    /** A frozen network between a trained one and the loss: forward and input gradients, no weight gradients. */
    private static long frozen(long[] layers) {
        return 2 * sum(layers);
    }

    /** Inputs of D's head: the features its logit row reads (R1 runs that row backwards). */
    private static long headInputs(NetConfig c) {
        return c.arch() == Architecture.STYLEGAN2 ? c.widthAt(4) : 16L * c.width();
    }

    /** All layers but the linear head. */
    private static long[] convolutions(long[] layers) {
        return java.util.Arrays.copyOf(layers, layers.length - 1);
    }

    private static long sum(long[] layers) {
        return LongStream.of(layers).sum();
    }
}
