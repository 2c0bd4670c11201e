package ganinv.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;

/** 2x2 average pooling, stride 2: [N, C, H, W] -> [N, C, H/2, W/2]. Input gradient: nearest_up2(g)/4. */
public final class AvgPool2 extends GradLayer {
    @Override
    public NDArray trace(ParameterStore ps, NDArray x, Tape tape) {
        return Pool.avgPool2d(x, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false, true);
    }

    @Override
    public NDArray inputGradient(NDArray g, Tape tape) {
        return Scalar.div(Layers.nearestUp2(g), 4);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] in) {
        Shape s = in[0];
        return new Shape[] {new Shape(s.get(0), s.get(1), s.get(2) / 2, s.get(3) / 2)};
    }
}
