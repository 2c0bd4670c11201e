package ganinv.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Layers applied in order; the input gradient walks them in reverse. */
public final class LayerSequence extends GradLayer {
    private final List<GradLayer> layers = new ArrayList<>();

    /**
     * Appends a layer. The name becomes part of its weights' names ("02Conv2d_weight"): dcgan-up's
     * layers keep the names DJL's SequentialBlock gave them, so that its checkpoints still load.
     */
    public LayerSequence add(String name, GradLayer layer) {
        layers.add(addChildBlock(name, layer));
        return this;
    }

    @Override
    public NDArray trace(ParameterStore ps, NDArray x, Tape tape) {
        NDArray h = x;
        for (GradLayer l : layers) {
            // Each layer's temporaries, and the previous layer's output, go as soon as it is done
            // (EagerFree), as PyTorch frees them: held to the step's end they tripled its peak. x is the caller's.
            UnaryOperator<NDArray> layer = in -> l.trace(ps, in, tape);
            h = h == x ? EagerFree.apply(h, layer, tape) : EagerFree.consume(h, layer, tape);
        }
        return h;
    }

    /**
     * The activations where the spatial size halves (after each down-sampling layer or residual
     * block), in order: the trunk's own stages, whatever its family, each [N, W_i, R/2^i, R/2^i].
     * Differentiable in x.
     */
    List<NDArray> stageOutputs(ParameterStore ps, NDArray x) {
        List<NDArray> out = new ArrayList<>();
        NDArray h = x;
        for (GradLayer l : layers) {
            NDArray next = l.trace(ps, h, Tape.OFF);
            if (h.getShape().dimension() == 4 && next.getShape().dimension() == 4
                    && next.getShape().get(2) < h.getShape().get(2)) {
                out.add(next);
            }
            h = next;
        }
        return out;
    }

    @Override
    public NDArray inputGradient(NDArray g, Tape tape) {
        NDArray h = g;
        for (int i = layers.size() - 1; i >= 0; i--) {
            GradLayer l = layers.get(i);
            UnaryOperator<NDArray> layer = in -> l.inputGradient(in, tape);
            h = h == g ? EagerFree.apply(h, layer, tape) : EagerFree.consume(h, layer, tape);
        }
        return h;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] in) {
        Shape[] s = in;
        for (GradLayer l : layers) {
            s = l.getOutputShapes(s);
        }
        return s;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... in) {
        Shape[] s = in;
        for (GradLayer l : layers) {
            l.initialize(manager, dataType, s);
            s = l.getOutputShapes(s);
        }
    }
}
