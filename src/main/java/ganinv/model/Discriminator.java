package ganinv.model;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;

/**
 * The "dcgan-up" discriminator trunk with a linear head, layer for layer as in
 * {@code shared/bench/torch_dlsgan_step.py}: Conv3x3(C -> W, pad 1), LeakyReLU(0.2); k times
 * [Conv3x3(W -> W, pad 1), LeakyReLU(0.2), AvgPool 2x2]; flatten; Linear(W·4·4 -> outputs).
 * Input [N, C, R, R], output [N, outputs]. Only layers with a simple input-gradient rule, so that
 * R1 can later be built without double backprop.
 *
 * <p>The same trunk serves as the encoder (outputs = d), as a discriminator with a latent head
 * (outputs = 1 + d, column 0 the adversarial logit) and as the image half of BiGAN's
 * {@link JointDiscriminator}.
 */
public final class Discriminator {
    private Discriminator() {
    }

    public static Network create(String name, NetConfig c, int outputs, NDManager manager) {
        SequentialBlock d = trunk(c).add(Linear.builder().setUnits(outputs).build());
        return new Network(name, d, manager, new Shape(1, c.channels(), c.resolution(), c.resolution()));
    }

    /** The encoder: D's trunk with a d-sized linear head; [N, C, R, R] -> [N, d]. */
    public static Network encoder(String name, NetConfig c, NDManager manager) {
        return create(name, c, c.latentDim(), manager);
    }

    /** The trunk without a head: [N, C, R, R] -> [N, W·4·4] features. */
    static SequentialBlock trunk(NetConfig c) {
        int w = c.width();
        SequentialBlock d = new SequentialBlock()
                .add(Layers.channelsLastBlock())
                .add(Layers.conv3x3(w))
                .add(Activation.leakyReluBlock(0.2f));
        for (int i = 0; i < c.stages(); i++) {
            d.add(Layers.conv3x3(w))
                    .add(Activation.leakyReluBlock(0.2f))
                    .add(Pool.avgPool2dBlock(new Shape(2, 2)));
        }
        // Already channels-last in the forward pass (a no-op there); in the backward pass it turns the
        // flatten's NCHW-ordered gradient channels-last, so that every layer below sees one layout.
        return d.add(Layers.channelsLastBlock()).add(Blocks.batchFlattenBlock());
    }
}
