package ganinv.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

import java.util.ArrayList;
import java.util.List;

/**
 * The DLSGAN paper's generator: StyleGAN2 with fewer filters and no noise inputs, so that one
 * code is one image. Input [N, d] (z∘s), output [N, C, R, R], not squashed (as StyleGAN2).
 * <ul>
 *   <li>mapping: L times [FC(d -> d) at learning-rate multiplier 0.01, leaky ReLU(0.2)·√2] gives w;</li>
 *   <li>synthesis: a learned constant [w(4), 4, 4]; at 4x4 one {@link ModConv} 3x3 and a toRGB; per
 *   resolution r = 8..R: bilinear x2, two modulated 3x3 convolutions to w(r) channels, a toRGB, and
 *   the image so far upsampled x2 plus this toRGB (skip architecture). Widths w(r) from
 *   {@link NetConfig#widthAt}.</li>
 * </ul>
 */
public final class StyleGenerator extends AbstractBlock {
    /** The engine's code for bilinear interpolation (PyTorch's order: nearest, linear, bilinear). */
    private static final int BILINEAR = 2;
    private final NetConfig config;
    private final LayerSequence mapping = new LayerSequence();
    private final Parameter constant;
    private final List<ModConv> convs = new ArrayList<>();
    private final List<ModConv> toRgb = new ArrayList<>();

    private StyleGenerator(NetConfig c) {
        this.config = c;
        // StyleGAN2 first rescales z to unit second moment. Here the input is z∘s with s the dynamic
        // latent scale: normalising it would divide s back out and undo DLS, so z∘s goes in as is.
        for (int i = 0; i < c.mappingLayers(); i++) {
            mapping.add("fc", Dense.equalized(c.latentDim(), 0.01f, 0f)).add("act", new LeakyRelu(0.2f, (float) Math.sqrt(2)));
        }
        addChildBlock("mapping", mapping);
        this.constant = addParameter(Parameter.builder().setName("const").setType(Parameter.Type.WEIGHT)
                .optInitializer(new NormalInitializer(1f)).optShape(new Shape(c.widthAt(4), 4, 4)).build());
        int in = c.widthAt(4);
        for (int side = 4; side <= c.resolution(); side *= 2) {
            int out = c.widthAt(side);
            if (side > 4) {
                convs.add(addChildBlock("up" + side, ModConv.conv3x3(in, out)));
            }
            convs.add(addChildBlock("conv" + side, ModConv.conv3x3(out, out)));
            toRgb.add(addChildBlock("rgb" + side, ModConv.toRgb(out, c.channels())));
            in = out;
        }
    }

    public static Network create(String name, NetConfig c, NDManager manager) {
        return new Network(name, new StyleGenerator(c), manager, new Shape(1, c.latentDim()));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray z = inputs.singletonOrThrow();                                        // [N, d]
        long n = z.getShape().get(0);
        NDArray w = mapping.trace(ps, z, Tape.OFF);                                   // [N, d]
        NDArray c = ps.getValue(constant, z.getDevice(), training).expandDims(0);    // [1, w(4), 4, 4]
        c.attach(z.getManager());   // else every step's copy would pile up in the parameter's manager
        NDArray x = Layers.channelsLast(c.repeat(0, n));                              // [N, w(4), 4, 4]
        // Each layer's output and temporaries go once the next layer has read them (EagerFree): PyTorch
        // frees them then too, and keeping them to the step's end tripled the step's peak memory.
        x = EagerFree.consume(x, in -> layer(ps, 0, in, w, training));
        NDArray image = EagerFree.apply(x, in -> rgb(ps, 0, in, w, training));           // [N, C, 4, 4]
        for (int i = 1; i < toRgb.size(); i++) {
            int up = 2 * i - 1;
            x = EagerFree.consume(x, in -> layer(ps, up, bilinearUp2(in), w, training));
            x = EagerFree.consume(x, in -> layer(ps, up + 1, in, w, training));          // [N, w(r), r, r]
            int stage = i;
            NDArray rgb = EagerFree.apply(x, in -> rgb(ps, stage, in, w, training));    // [N, C, r, r]
            image = EagerFree.consume(image, im -> bilinearUp2(im).add(rgb));
            EagerFree.close(rgb);
        }
        EagerFree.close(x);
        return new NDList(image);                                                     // [N, C, R, R]
    }

    /** Modulated convolution i: x [N, Cin, r, r] with styles from w [N, d] -> [N, Cout, r, r]. */
    private NDArray layer(ParameterStore ps, int i, NDArray x, NDArray w, boolean training) {
        return convs.get(i).forward(ps, new NDList(x, w), training).singletonOrThrow();
    }

    /** toRGB of stage i: x [N, Cout, r, r], w [N, d] -> [N, C, r, r]. */
    private NDArray rgb(ParameterStore ps, int i, NDArray x, NDArray w, boolean training) {
        return toRgb.get(i).forward(ps, new NDList(x, w), training).singletonOrThrow();
    }

    /** [N, C, H, W] -> [N, C, 2H, 2W], bilinear, half-pixel centres (align_corners false). */
    static NDArray bilinearUp2(NDArray x) {
        Shape s = x.getShape();
        return JniUtils.interpolate((PtNDArray) x, new long[] {2 * s.get(2), 2 * s.get(3)}, BILINEAR, false);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] in) {
        return new Shape[] {new Shape(in[0].get(0), config.channels(), config.resolution(), config.resolution())};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... in) {
        Shape wShape = in[0];
        mapping.initialize(manager, dataType, wShape);
        int layer = 0;
        for (int side = 4; side <= config.resolution(); side *= 2) {
            int out = config.widthAt(side);
            int prev = config.widthAt(Math.max(4, side / 2));
            if (side > 4) {
                convs.get(layer++).initialize(manager, dataType, new Shape(1, prev, side, side), wShape);
            }
            convs.get(layer++).initialize(manager, dataType, new Shape(1, out, side, side), wShape);
            toRgb.get(side == 4 ? 0 : Integer.numberOfTrailingZeros(side) - 2).initialize(manager, dataType,
                    new Shape(1, out, side, side), wShape);
        }
    }
}
