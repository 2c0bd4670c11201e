package ganinv.bench;

import ganinv.model.NetConfig;
import ganinv.objective.BiGan;
import ganinv.objective.Dlsgan;
import ganinv.objective.LatentRegression;
import ganinv.objective.Methods;
import ganinv.objective.PlainGan;

import java.util.stream.LongStream;

/**
 * Floating-point operations of one training step, counted analytically over the convolutions and
 * linear layers (2 per multiply-add; activations, pooling, losses and Adam are left out: they are
 * a few percent at most). A layer's backward pass costs one forward for its weight gradient and
 * one more for its input gradient; the first layer of a network whose input needs no gradient
 * skips the latter. R1's input-gradient graph has one transposed convolution per convolution of D
 * (plus the logit's row of the head), and is differentiated once more.
 */
public final class StepFlops {
    private StepFlops() {
    }

    /** FLOPs of one step of {@code method} at batch {@code b}, exactly as its step runs its passes. */
    public static double of(String method, NetConfig c, int b) {
        Methods.check(method);
        long[] g = generator(c);
        long[] dImage = discriminator(c, 1);
        return b * (double) switch (method) {
            case Dlsgan.NAME -> {
                long[] d = discriminator(c, 1 + c.latentDim());
                long r1 = 3 * (sum(convolutions(d)) + 2L * 16 * c.width());
                yield sum(g) + 2 * train(d, false) + r1                            // D step: real, fake, R1
                        + train(g, false) + train(d, true);                       // G step through D
            }
            case LatentRegression.NAME -> {
                long[] e = discriminator(c, c.latentDim());
                yield sum(g) + 2 * train(dImage, false) + train(g, false) + train(dImage, true) + train(e, true);
            }
            case PlainGan.NAME -> sum(g) + 2 * train(dImage, false) + train(g, false) + train(dImage, true);
            case BiGan.NAME -> {
                long[] e = discriminator(c, c.latentDim());
                long[] joint = joint(c);
                long first = joint[0];
                long zFirst = 2L * c.latentDim() * 4 * c.width();
                yield sum(g) + sum(e) + 2 * (3 * sum(joint) - first - zFirst)                 // D step
                        + train(g, false) + (3 * sum(joint) - zFirst)                        // G's pair
                        + (3 * sum(joint) - first) + train(e, false)                          // E's pair
                        + sum(e);                                                             // latent_mse
            }
            default -> throw new IllegalStateException(method);
        };
    }

    /** Per image, per layer: Linear(d → 16W); k × Conv3x3(W → W) at 8, 16, ..., R; Conv3x3(W → C) at R. */
    static long[] generator(NetConfig c) {
        long w = c.width();
        LongStream.Builder l = LongStream.builder().add(2L * c.latentDim() * 16 * w);
        for (int i = 0, r = 8; i < c.stages(); i++, r *= 2) {
            l.add(conv(w, w, r));
        }
        return l.add(conv(w, c.channels(), c.resolution())).build().toArray();
    }

    /** Per image, per layer: Conv3x3(C → W) at R; k × Conv3x3(W → W) at R, R/2, ..., 8; Linear(16W → outputs). */
    static long[] discriminator(NetConfig c, int outputs) {
        long w = c.width();
        LongStream.Builder l = LongStream.builder().add(conv(c.channels(), w, c.resolution()));
        for (int i = 0, r = c.resolution(); i < c.stages(); i++, r /= 2) {
            l.add(conv(w, w, r));
        }
        return l.add(2L * 16 * w * outputs).build().toArray();
    }

    /** BiGAN's joint D: the image trunk, the latent path Linear(d → 4W), Linear(4W → 4W), the head Linear(20W → 4W), Linear(4W → 1). */
    static long[] joint(NetConfig c) {
        long w = c.width();
        long[] trunk = discriminator(c, 0);
        LongStream.Builder l = LongStream.builder();
        for (int i = 0; i < trunk.length - 1; i++) {
            l.add(trunk[i]);
        }
        return l.add(2L * c.latentDim() * 4 * w).add(2 * 4 * w * 4 * w).add(2 * 20 * w * 4 * w).add(2 * 4 * w).build().toArray();
    }

    private static long conv(long in, long out, long r) {
        return 2 * 9 * in * out * r * r;
    }

    /** Forward, weight gradients and input gradients; the first layer's input gradient only when asked. */
    private static long train(long[] layers, boolean inputGradient) {
        return 3 * sum(layers) - (inputGradient ? 0 : layers[0]);
    }

    private static long[] convolutions(long[] layers) {
        return java.util.Arrays.copyOf(layers, layers.length - 1);
    }

    private static long sum(long[] layers) {
        return LongStream.of(layers).sum();
    }
}
