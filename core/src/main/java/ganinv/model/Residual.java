package ganinv.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

/**
 * StyleGAN2's residual sum y = (main(x) + skip(x))/√2, the 1/√2 keeping unit variance. Input
 * gradient: (main'ᵀg + skip'ᵀg)/√2; skip is traced last, so its entries are popped first.
 */
public final class Residual extends GradLayer {
    private static final float HALF_SQRT2 = (float) (1 / Math.sqrt(2));
    private final LayerSequence main;
    private final LayerSequence skip;

    public Residual(LayerSequence main, LayerSequence skip) {
        this.main = addChildBlock("main", main);
        this.skip = addChildBlock("skip", skip);
    }

    @Override
    public NDArray trace(ParameterStore ps, NDArray x, Tape tape) {
        NDArray a = main.trace(ps, x, tape);
        NDArray b = skip.trace(ps, x, tape);
        return Scalar.mul(a.add(b), HALF_SQRT2);
    }

    @Override
    public NDArray inputGradient(NDArray g, Tape tape) {
        NDArray scaled = Scalar.mul(g, HALF_SQRT2);
        NDArray viaSkip = skip.inputGradient(scaled, tape);
        return main.inputGradient(scaled, tape).add(viaSkip);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] in) {
        return main.getOutputShapes(in);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... in) {
        main.initialize(manager, dataType, in);
        skip.initialize(manager, dataType, in);
    }
}
