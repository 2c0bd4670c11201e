package ganinv.model;

import ganinv.api.types.GeneratorOutput;
import ganinv.api.types.Architecture;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.function.UnaryOperator;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;

/**
 * The "dcgan-up" generator, layer for layer as in {@code shared/bench/torch_dlsgan_step.py}:
 * Linear(d -> W·4·4), LeakyReLU(0.2), reshape [N, W, 4, 4]; k times [nearest x2, Conv3x3(W -> W,
 * pad 1), LeakyReLU(0.2)]; Conv3x3(W -> C, pad 1), then tanh or nothing ({@link GeneratorOutput}).
 * Input [N, d], output [N, C, R, R] (in (-1, 1) with tanh). Upsample-then-convolve because the
 * engine has no transposed convolution.
 */
public final class Generator {
    private Generator() {
    }

    /** G of the config's architecture: this one for dcgan-up, {@link StyleGenerator} for stylegan2. */
    public static Network create(String name, NetConfig c, NDManager manager) {
        if (c.arch() == Architecture.STYLEGAN2) {
            return StyleGenerator.create(name, c, manager);
        }
        if (c.modulated()) {
            return ModulatedGenerator.create(name, c, manager);
        }
        int w = c.width();
        SequentialBlock g = new FreeingSequence()
                .add(Linear.builder().setUnits(16L * w).build())
                .add(Activation.leakyReluBlock(0.2f))
                .add(new LambdaBlock(x -> new NDList(Layers.channelsLast(x.singletonOrThrow().reshape(-1, w, 4, 4))), "reshape"));
        for (int i = 0; i < c.stages(); i++) {
            g.add(new LambdaBlock(x -> new NDList(Layers.nearestUp2(x.singletonOrThrow())), "nearest2x"))
                    .add(Layers.conv3x3(w))
                    .add(Activation.leakyReluBlock(0.2f));
        }
        g.add(Layers.conv3x3(c.channels()));
        if (c.output() == GeneratorOutput.TANH) {
            g.add(Activation.tanhBlock());
        }
        return new Network(name, g, manager, new Shape(1, c.latentDim()));
    }

    /**
     * DJL's SequentialBlock (its children, and so its weights' names, unchanged), whose forward pass
     * lets each layer's output and temporaries go as soon as the next layer has read them ({@link EagerFree}).
     */
    private static final class FreeingSequence extends SequentialBlock {
        @Override
        protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
            NDArray x = inputs.singletonOrThrow();
            NDArray h = x;
            for (Block b : getChildren().values()) {
                UnaryOperator<NDArray> layer = in -> b.forward(ps, new NDList(in), training, params).singletonOrThrow();
                h = h == x ? EagerFree.apply(h, layer) : EagerFree.consume(h, layer);
            }
            return new NDList(h);
        }
    }
}
