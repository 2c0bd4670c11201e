package ganinv.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Arithmetic with a constant inside a differentiated graph. DJL's {@code x.mul(0.5f)} wraps the
 * number in a tensor over a Java direct buffer, multiplies, and closes that tensor at once; autograd
 * keeps the scalar for the backward pass (∂(x·c)/∂x = c), and when a garbage collection frees the
 * buffer in between, backward reads freed memory. Measured: a System.gc() between forward and
 * backward turned every D gradient of a DLSGAN step into NaN; without it, 1e35-sized gradients
 * and NaN appeared now and then, at a different step in each run of the same seed. These
 * constants live in native memory owned by the engine, in the given scope, so they outlive the
 * backward pass.
 */
public final class Scalar {
    private Scalar() {
    }

    /** A 0-d float32 constant [] owned by the engine, closed with {@code scope}. */
    public static NDArray of(NDManager scope, double value) {
        return scope.full(new Shape(), (float) value);
    }

    /** x·c, same shape as x. */
    public static NDArray mul(NDArray x, double c) {
        return x.mul(of(x.getManager(), c));
    }

    /** x/c, same shape as x. */
    public static NDArray div(NDArray x, double c) {
        return x.div(of(x.getManager(), c));
    }

    /** x^p elementwise, same shape as x. */
    public static NDArray pow(NDArray x, double p) {
        return x.pow(of(x.getManager(), p));
    }
}
