package ganinv.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Java data as an array whose memory the engine owns. DJL's {@code manager.create(float[])} gives
 * a tensor over a Java direct buffer that the Java handle keeps alive; when the handle is closed
 * the buffer is left to the garbage collector, while libtorch may still read it: autograd saves it
 * for the backward pass, and views share it. Training frees a layer's arrays as soon as the layer
 * returns ({@link EagerFree}), so a collection between a step's forward and backward passes would
 * hand such memory back to malloc, which writes its free-list pointers over the first values.
 * Every array that a graph may read is made from Java data here instead.
 */
public final class HostData {
    private HostData() {
    }

    /**
     * {@code data} as a float32 array of {@code shape} in {@code scope}, in engine-owned memory;
     * {@code data.length} must equal {@code shape.size()}, as for {@code NDManager.create}.
     */
    public static NDArray copy(NDManager scope, float[] data, Shape shape) {
        try (NDArray overJavaMemory = scope.create(data, shape)) {
            return overJavaMemory.duplicate();
        }
    }

    /** {@code data} as a float32 vector [n] in {@code scope}, in engine-owned memory. */
    public static NDArray copy(NDManager scope, float[] data) {
        return copy(scope, data, new Shape(data.length));
    }
}
