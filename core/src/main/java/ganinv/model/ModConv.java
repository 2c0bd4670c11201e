package ganinv.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/**
 * StyleGAN2's modulated k x k convolution: inputs x [N, Cin, H, W] and w [N, d], output
 * [N, filters, H, W]. Styles s = A(w) [N, Cin] (an equalized affine layer with bias 1, so the
 * styles start near 1); weights W·g with g = 1/√(Cin·k²).
 * <ul>
 *   <li>modulation: y = conv(x∘s, W·g), the style applied to the input channels instead of to a
 *   per-sample weight: the same function as StyleGAN2's grouped convolution, one shared
 *   convolution for the batch, which is what a CPU runs fast;</li>
 *   <li>demodulation (3x3 layers): y·σ⁻¹ with σ[n, o] = √(Σ_{i,k} (W·g)[o, i, k]² s[n, i]² + 1e-8),
 *   computed as (s²)·(Σ_k (W·g)²)ᵀ: unit output variance for unit-variance inputs;</li>
 *   <li>then bias, and for 3x3 layers leaky ReLU(0.2)·√2. toRGB (1x1) has neither
 *   demodulation nor activation.</li>
 * </ul>
 */
public final class ModConv extends AbstractBlock {
    private static final float GAIN = (float) Math.sqrt(2);
    private final int filters;
    private final int kernel;
    private final boolean demodulate;
    private final Dense affine;
    private final Parameter weight;
    private final Parameter bias;
    private float gain = 1f;

    private ModConv(int inChannels, int filters, int kernel, boolean demodulate) {
        this.filters = filters;
        this.kernel = kernel;
        this.demodulate = demodulate;
        this.weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT)
                .optInitializer(new NormalInitializer(1f)).build());
        this.bias = addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS).build());
        this.affine = addChildBlock("affine", Dense.equalized(inChannels, 1f, 1f));
    }

    /** A modulated, demodulated 3x3 convolution with leaky ReLU. */
    public static ModConv conv3x3(int inChannels, int filters) {
        return new ModConv(inChannels, filters, 3, true);
    }

    /** toRGB: a modulated 1x1 convolution without demodulation or activation. */
    public static ModConv toRgb(int inChannels, int channels) {
        return new ModConv(inChannels, channels, 1, false);
    }

    @Override
    protected void prepare(Shape[] in) {
        long cin = in[0].get(1);
        weight.setShape(new Shape(filters, cin, kernel, kernel));
        bias.setShape(new Shape(filters));
        gain = (float) (1 / Math.sqrt(cin * kernel * kernel));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... in) {
        affine.initialize(manager, dataType, in[1]);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] in) {
        Shape x = in[0];
        return new Shape[] {new Shape(x.get(0), filters, x.get(2), x.get(3))};
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0);                                                   // [N, Cin, H, W]
        long n = x.getShape().get(0);
        long cin = x.getShape().get(1);
        NDArray s = affine.trace(ps, inputs.get(1), Tape.OFF);                       // [N, Cin]
        NDArray w = GradLayer.value(ps, weight, x, gain);                            // [out, Cin, k, k]
        NDArray y = Conv2d.conv2d(x.mul(s.reshape(n, cin, 1, 1)), w, null,
                new Shape(1, 1), new Shape(kernel / 2, kernel / 2)).singletonOrThrow();  // [N, out, H, W]
        if (demodulate) {
            NDArray energy = w.square().sum(new int[] {2, 3});                       // [out, Cin]
            energy.attach(x.getManager());
            NDArray sigmaInv = Scalar.pow(s.square().matMul(energy.transpose()).add(1e-8f), -0.5);  // [N, out]
            y = y.mul(sigmaInv.reshape(n, filters, 1, 1));
        }
        NDArray b = ps.getValue(bias, x.getDevice(), training).reshape(1, filters, 1, 1);    // [1, out, 1, 1]
        b.attach(x.getManager());    // else each call's view would pile up in the parameter's manager (found by bench serve)
        y = y.add(b);
        return new NDList(demodulate ? Scalar.mul(Activation.leakyRelu(y, 0.2f), GAIN) : y);
    }
}
