package ganinv.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

/** [N, C, H, W] -> [N, C·H·W] in NCHW order. Input gradient: the reshape back. */
public final class Flatten extends GradLayer {
    @Override
    public NDArray trace(ParameterStore ps, NDArray x, Tape tape) {
        tape.push(new Shape(tape.rows()).addAll(x.getShape().slice(1)));
        return x.reshape(x.getShape().get(0), -1);
    }

    @Override
    public NDArray inputGradient(NDArray g, Tape tape) {
        Shape shape = tape.pop();
        return g.reshape(shape);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] in) {
        Shape s = in[0];
        return new Shape[] {new Shape(s.get(0), s.size() / s.get(0))};
    }
}
