package ganinv.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/** The layer shapes that G and D share: 3x3 same-padding convolution and nearest x2 (also R1's pool gradient). */
public final class Layers {
    /** The engine's code for nearest-neighbour interpolation. */
    private static final int NEAREST = 0;

    private Layers() {
    }

    /** Conv3x3, stride 1, pad 1, with bias: [N, Cin, H, W] -> [N, filters, H, W]. */
    static Block conv3x3(int filters) {
        return Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
                .setFilters(filters).build();
    }

    /**
     * Nearest-neighbour x2: [N, C, H, W] -> [N, C, 2H, 2W], keeping x's memory layout. The engine's
     * upsample kernel: its backward is a strided sum, where repeating twice left a slow expand-backward.
     */
    public static NDArray nearestUp2(NDArray x) {
        Shape s = x.getShape();
        return JniUtils.interpolate((PtNDArray) x, new long[] {2 * s.get(2), 2 * s.get(3)}, NEAREST, false);
    }

    /**
     * The same [N, C, H, W] values stored channels-last (NHWC strides): one copy. Convolutions on a
     * channels-last input run oneDNN's native layout (measured 10-30% faster than NCHW, forward and
     * backward), and the elementwise ops, pooling and upsampling after them keep that layout, so
     * converting a network's input once is enough. Values, shapes and results are unchanged.
     */
    public static NDArray channelsLast(NDArray x) {
        Shape s = x.getShape();
        return x.transpose(0, 2, 3, 1).reshape(-1).reshape(s.get(0), s.get(2), s.get(3), s.get(1)).transpose(0, 3, 1, 2);
    }

    /** As a block, at the start of a network. */
    static Block channelsLastBlock() {
        return new LambdaBlock(x -> new NDList(channelsLast(x.singletonOrThrow())), "channels_last");
    }
}
