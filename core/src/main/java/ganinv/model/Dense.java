package ganinv.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.training.initializer.NormalInitializer;

/**
 * A fully connected layer y = x·Wᵀ + b: [N, in] -> [N, units]. Input gradient: g·W.
 *
 * <p>Plain (dcgan-up): as DJL's {@code Linear}, with its parameter names and initialiser.
 * Equalized learning rate with a multiplier m (StyleGAN2's FC): W ~ N(0, 1/m²) stored, used as
 * W·m/√in; b stored as b₀/m, used as b·m, so a mapping layer at m = 0.01 learns 100 times slower
 * than its Adam step size, whatever the step size is.
 */
public final class Dense extends GradLayer {
    private final int units;
    private final float multiplier;
    private final boolean equalized;
    private final Parameter weight;
    private final Parameter bias;
    private float gain = 1f;

    private Dense(int units, boolean equalized, float multiplier, float biasInit) {
        this.units = units;
        this.equalized = equalized;
        this.multiplier = multiplier;
        Parameter.Builder w = Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT);
        Parameter.Builder b = Parameter.builder().setName("bias").setType(Parameter.Type.BIAS);
        this.weight = addParameter(equalized ? w.optInitializer(new NormalInitializer(1f / multiplier)).build() : w.build());
        this.bias = addParameter(equalized ? b.optInitializer(new ConstantInitializer(biasInit / multiplier)).build() : b.build());
    }

    /** dcgan-up's linear layer, as DJL's {@code Linear} builds it. */
    public static Dense plain(int units) {
        return new Dense(units, false, 1f, 0f);
    }

    /**
     * An equalized-learning-rate layer.
     *
     * @param multiplier the learning-rate multiplier m (0.01 for the mapping network)
     * @param biasInit the bias's initial value as used (1 for a style affine: unit styles at the start)
     */
    public static Dense equalized(int units, float multiplier, float biasInit) {
        return new Dense(units, true, multiplier, biasInit);
    }

    @Override
    protected void prepare(Shape[] inputShapes) {
        long in = inputShapes[0].get(inputShapes[0].dimension() - 1);
        weight.setShape(new Shape(units, in));
        bias.setShape(new Shape(units));
        gain = equalized ? (float) (multiplier / Math.sqrt(in)) : 1f;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] in) {
        return new Shape[] {new Shape(in[0].get(0), units)};
    }

    @Override
    public NDArray trace(ParameterStore ps, NDArray x, Tape tape) {
        NDArray w = value(ps, weight, x, gain);                                    // [units, in]
        NDArray b = value(ps, bias, x, equalized ? multiplier : 1f);               // [units]
        tape.push(w);
        return Linear.linear(x, w, b).singletonOrThrow();
    }

    @Override
    public NDArray inputGradient(NDArray g, Tape tape) {
        NDArray w = tape.pop();
        return g.matMul(w);                                                        // [P, units]·[units, in]
    }
}
