package ganinv.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;

/**
 * A k x k convolution, stride 1, "same" padding k/2, with or without bias: [N, Cin, H, W] ->
 * [N, filters, H, W]. Input gradient: the convolution of g with the kernel transposed to
 * [in, out, k, k] and flipped in both spatial axes, same padding.
 *
 * <p>Two parametrisations. Plain (dcgan-up): the engine's default initialiser and the weight used
 * as stored, exactly like DJL's {@code Conv2d}, whose parameter names it keeps so that old
 * checkpoints load. Equalized learning rate (StyleGAN): stored weights ~ N(0, 1), multiplied at
 * run time by 1/√(Cin·k²), so that Adam's step moves every layer at the same relative rate.
 */
public final class Conv extends GradLayer {
    private final int filters;
    private final int kernel;
    private final boolean equalized;
    private final Parameter weight;
    private final Parameter bias;
    private float gain = 1f;

    private Conv(int filters, int kernel, boolean equalized, boolean withBias) {
        this.filters = filters;
        this.kernel = kernel;
        this.equalized = equalized;
        Parameter.Builder w = Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT);
        this.weight = addParameter(equalized ? w.optInitializer(new NormalInitializer(1f)).build() : w.build());
        this.bias = withBias ? addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS).build()) : null;
    }

    /** dcgan-up's 3x3 convolution with bias, as DJL's {@code Conv2d} builds it. */
    public static Conv plain3x3(int filters) {
        return new Conv(filters, 3, false, true);
    }

    /** An equalized-learning-rate k x k convolution (k odd). */
    public static Conv equalized(int filters, int kernel, boolean withBias) {
        return new Conv(filters, kernel, true, withBias);
    }

    @Override
    protected void prepare(Shape[] inputShapes) {
        long in = inputShapes[0].get(1);
        weight.setShape(new Shape(filters, in, kernel, kernel));
        if (bias != null) {
            bias.setShape(new Shape(filters));
        }
        gain = equalized ? (float) (1 / Math.sqrt(in * kernel * kernel)) : 1f;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] in) {
        Shape s = in[0];
        return new Shape[] {new Shape(s.get(0), filters, s.get(2), s.get(3))};
    }

    /**
     * Fewer input channels than this are padded with zero channels (and zero weights): the
     * engine's backward pass of a convolution is racy with 2+ threads unless the input is
     * channels-last, and a 1-channel tensor cannot be (measured: 142-295 of 300 repeated input
     * gradients differed, by up to 3.8, with 2 threads; none at 1 thread or channels-last with 2+
     * channels). The zeros change no output value and no gradient of a real weight.
     */
    static final int MIN_CHANNELS = 3;

    @Override
    public NDArray trace(ParameterStore ps, NDArray x, Tape tape) {
        NDArray w = value(ps, weight, x, gain);                                    // [out, in, k, k]
        NDArray b = bias != null ? ps.getValue(bias, x.getDevice(), true) : null;     // null: the engine adds none
        tape.push(w);
        long in = x.getShape().get(1);
        if (in < MIN_CHANNELS) {
            Shape s = x.getShape();
            NDArray zeros = x.getManager().zeros(new Shape(s.get(0), MIN_CHANNELS - in, s.get(2), s.get(3)));
            x = Layers.channelsLast(x.concat(zeros, 1));                            // [N, 3, H, W] channels-last
            NDArray wz = x.getManager().zeros(new Shape(filters, MIN_CHANNELS - in, kernel, kernel));
            w = w.concat(wz, 1);                                                   // [out, 3, k, k]
            w.attach(x.getManager());       // else, on a weight used as stored, a copy per pass piles up in its manager
        }
        return Conv2d.conv2d(x, w, b, new Shape(1, 1), new Shape(kernel / 2, kernel / 2)).singletonOrThrow();
    }

    @Override
    public NDArray inputGradient(NDArray g, Tape tape) {
        NDArray w = tape.pop();                                                    // [out, in, k, k]
        NDArray transposed = w.transpose(1, 0, 2, 3);
        transposed.attach(g.getManager());
        // The input gradient of a stride-1 "same" convolution is the convolution with the kernel
        // transposed in its channels and rotated by 180 degrees.
        NDArray flipped = transposed.flip(2, 3);                                   // [in, out, k, k]
        return Conv2d.conv2d(g, flipped, null, new Shape(1, 1), new Shape(kernel / 2, kernel / 2)).singletonOrThrow();
    }
}
