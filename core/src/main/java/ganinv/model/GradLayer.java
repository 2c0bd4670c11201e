package ganinv.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A discriminator layer with its forward pass and its input-gradient rule in one place. R1 needs
 * ∇ₓD(x) as a graph of D's weights (double backprop leaks in the engine, DJL-NOTES.md): it runs
 * D's own layer list forward with a recording {@link Tape}, then walks it backwards through
 * {@link #inputGradient}, and back-propagates ‖∇ₓD‖² once like any loss. Every layer of a
 * discriminator must be one of these, so no layer is ever guessed from the order of the weights.
 */
public abstract class GradLayer extends AbstractBlock {
    /**
     * y = f(x) for the whole batch; records what {@link #inputGradient} needs for the tape's rows.
     *
     * @param x [N, ...] the layer's input
     */
    public abstract NDArray trace(ParameterStore ps, NDArray x, Tape tape);

    /**
     * g_x = (∂y/∂x)ᵀ g_y for the tape's rows, as a differentiable graph of the weights.
     *
     * @param g [P, ...] the gradient at the layer's output, P = {@link Tape#rows()}
     */
    public abstract NDArray inputGradient(NDArray g, Tape tape);

    @Override
    protected final NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                           PairList<String, Object> params) {
        return new NDList(trace(ps, inputs.singletonOrThrow(), Tape.OFF));
    }

    /**
     * A weight's value for this pass, multiplied by a constant (the equalized-learning-rate gain)
     * and kept in the activations' scope: an op on a weight would put its result in the weight's
     * long-lived manager and leak one array per step.
     */
    static NDArray value(ParameterStore ps, Parameter p, NDArray x, float gain) {
        NDArray v = ps.getValue(p, x.getDevice(), true);
        if (gain == 1f) {
            return v;
        }
        NDArray scaled = v.mul(Scalar.of(x.getManager(), gain));
        scaled.attach(x.getManager());
        return scaled;
    }

    /** Layers without weights have nothing to initialise; their output shape is their input's. */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        // leaves by default
    }
}
