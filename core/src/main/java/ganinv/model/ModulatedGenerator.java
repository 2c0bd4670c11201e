package ganinv.model;

import ganinv.api.types.GeneratorOutput;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import java.util.ArrayList;
import java.util.List;

/**
 * The dcgan-up generator with z scaling every stage's channels (FiLM-style; StyleGAN's styles
 * without the demodulation): Linear(d -> W·4·4), LeakyReLU(0.2), reshape [N, W, 4, 4]; k times
 * [nearest x2, Conv3x3(W -> W), LeakyReLU(0.2), × s_i(z)], with s_i(z) = A_i z + 1 [N, W] per
 * channel (A_i equalized, so s_i starts near 1 ± 1); Conv3x3(W -> C), then tanh or nothing.
 * Input [N, d], output [N, C, R, R].
 *
 * <p>Why: in the plain dcgan-up G, z reaches only the 4x4 start, and every later layer mixes
 * channels with the same weights for every sample, so a shape's hue is one fixed mix of the shape
 * features: trained on the shapes, every sample of a moment came out in one colour, which drifted
 * from one colour to the next as D learnt to call it fake. With s_i(z), z picks the channel mix of
 * every stage.
 */
public final class ModulatedGenerator extends AbstractBlock {
    private final NetConfig config;
    private final Block start;
    private final List<Block> convs = new ArrayList<>();
    private final List<Dense> styles = new ArrayList<>();
    private final Block toImage;

    private ModulatedGenerator(NetConfig c) {
        this.config = c;
        this.start = addChildBlock("start", ai.djl.nn.core.Linear.builder().setUnits(16L * c.width()).build());
        for (int i = 0; i < c.stages(); i++) {
            convs.add(addChildBlock("conv" + i, Layers.conv3x3(c.width())));
            styles.add(addChildBlock("style" + i, Dense.equalized(c.width(), 1f, 1f)));
        }
        this.toImage = addChildBlock("to_image", Layers.conv3x3(c.channels()));
    }

    public static Network create(String name, NetConfig c, NDManager manager) {
        return new Network(name, new ModulatedGenerator(c), manager, new Shape(1, c.latentDim()));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray z = inputs.singletonOrThrow();                                        // [N, d]
        int w = config.width();
        // Each stage's output and temporaries go once the next stage has read them (EagerFree).
        NDArray x = EagerFree.apply(z, in -> Layers.channelsLast(
                leaky(start.forward(ps, new NDList(in), training).singletonOrThrow()).reshape(-1, w, 4, 4)));  // [N, W, 4, 4]
        for (int i = 0; i < convs.size(); i++) {
            Block conv = convs.get(i);
            Dense style = styles.get(i);
            x = EagerFree.consume(x, in -> {
                NDArray h = leaky(conv.forward(ps, new NDList(Layers.nearestUp2(in)), training).singletonOrThrow());  // [N, W, r, r]
                NDArray s = style.trace(ps, z, Tape.OFF);                             // [N, W]
                return h.mul(s.reshape(-1, w, 1, 1));
            });
        }
        return new NDList(EagerFree.consume(x, in -> {
            NDArray image = toImage.forward(ps, new NDList(in), training).singletonOrThrow();   // [N, C, R, R]
            return config.output() == GeneratorOutput.TANH ? image.tanh() : image;
        }));
    }

    private static NDArray leaky(NDArray x) {
        return Activation.leakyRelu(x, 0.2f);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] in) {
        return new Shape[] {new Shape(in[0].get(0), config.channels(), config.resolution(), config.resolution())};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... in) {
        start.initialize(manager, dataType, in);
        int w = config.width();
        for (int i = 0; i < convs.size(); i++) {
            int side = 8 << i;
            convs.get(i).initialize(manager, dataType, new Shape(1, w, side, side));
            styles.get(i).initialize(manager, dataType, in);
        }
        toImage.initialize(manager, dataType, new Shape(1, w, config.resolution(), config.resolution()));
    }
}
