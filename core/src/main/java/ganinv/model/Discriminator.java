package ganinv.model;

import ganinv.api.types.Architecture;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * A discriminator or encoder of either architecture: a trunk and a linear head. Input
 * [N, C, R, R], output [N, outputs]. Every layer is a {@link GradLayer}, so that R1 can build
 * ∇ₓD by walking the network's own layer list.
 *
 * <p>The same trunk serves as the encoder (outputs = d), as a discriminator with a latent head
 * (outputs = 1 + d, column 0 the adversarial logit) and as the image half of BiGAN's
 * {@link JointDiscriminator}.
 *
 * <p>dcgan-up, layer for layer as in {@code shared/bench/torch_dlsgan_step.py}: Conv3x3(C -> W,
 * pad 1), LeakyReLU(0.2); k times [Conv3x3(W -> W, pad 1), LeakyReLU(0.2), AvgPool 2x2]; flatten;
 * Linear(W·4·4 -> outputs). Its layers carry the names DJL's SequentialBlock gave them, so that
 * its checkpoints keep loading. stylegan2: {@link ResidualDiscriminator}.
 */
public final class Discriminator {
    private Discriminator() {
    }

    public static Network create(String name, NetConfig c, int outputs, NDManager manager) {
        return create(name, c, outputs, 0, manager);
    }

    /**
     * D with column 0 its adversarial logit, which sees the minibatch standard deviation over groups
     * of {@code minibatchStd} rows ({@link MinibatchStdHead}); 0: a plain head, as {@link #create}.
     */
    public static Network create(String name, NetConfig c, int outputs, int minibatchStd, NDManager manager) {
        Dense head = c.arch() == Architecture.DCGAN_UP ? Dense.plain(outputs) : Dense.equalized(outputs, 1f, 0f);
        LayerSequence d = trunk(c).add(c.arch() == Architecture.DCGAN_UP ? "Linear" : "head",
                minibatchStd > 0 ? new MinibatchStdHead(head, minibatchStd) : head);
        return new Network(name, d, manager, new Shape(1, c.channels(), c.resolution(), c.resolution()));
    }

    /** The encoder: D's trunk with a d-sized linear head; [N, C, R, R] -> [N, d]. */
    public static Network encoder(String name, NetConfig c, NDManager manager) {
        return create(name, c, c.latentDim(), manager);
    }

    /** The trunk without a head: [N, C, R, R] -> [N, F] features (dcgan-up F = 16W; stylegan2 F = W at 4x4). */
    static LayerSequence trunk(NetConfig c) {
        return c.arch() == Architecture.DCGAN_UP ? dcganTrunk(c) : ResidualDiscriminator.trunk(c);
    }

    private static LayerSequence dcganTrunk(NetConfig c) {
        int w = c.width();
        // Index and kind as SequentialBlock named them: "01LambdaBlock", "02Conv2d", ... (checkpoint names).
        LayerSequence d = new LayerSequence()
                .add("LambdaBlock", new ChannelsLast())
                .add("Conv2d", Conv.plain3x3(w))
                .add("LambdaBlock", new LeakyRelu(0.2f, 1f));
        for (int i = 0; i < c.stages(); i++) {
            d.add("Conv2d", Conv.plain3x3(w))
                    .add("LambdaBlock", new LeakyRelu(0.2f, 1f))
                    .add("LambdaBlock", new AvgPool2());
        }
        // Already channels-last in the forward pass (a no-op there); in the backward pass it turns the
        // flatten's NCHW-ordered gradient channels-last, so that every layer below sees one layout.
        return d.add("LambdaBlock", new ChannelsLast()).add("LambdaBlock", new Flatten());
    }
}
