package ganinv.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;

/** The layer shapes that G and D share: 3x3 same-padding convolution and nearest x2 (also R1's pool gradient). */
public final class Layers {
    private Layers() {
    }

    /** Conv3x3, stride 1, pad 1, with bias: [N, Cin, H, W] -> [N, filters, H, W]. */
    static Block conv3x3(int filters) {
        return Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
                .setFilters(filters).build();
    }

    /** Nearest-neighbour x2: [N, C, H, W] -> [N, C, 2H, 2W]. */
    public static NDArray nearestUp2(NDArray x) {
        return x.repeat(2, 2).repeat(3, 2);
    }
}
