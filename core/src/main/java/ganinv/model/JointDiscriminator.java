package ganinv.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import java.util.Arrays;

/**
 * BiGAN's discriminator on (image, latent) pairs: D(x, z) -> one logit.
 * <ul>
 *   <li>image path: the {@link Discriminator} trunk, [N, C, R, R] -> [N, 16W];</li>
 *   <li>latent path: Linear(d -> 4W), LeakyReLU(0.2), Linear(4W -> 4W), LeakyReLU(0.2), [N, d] -> [N, 4W];</li>
 *   <li>joint: concatenate to [N, 20W], Linear(20W -> 4W), LeakyReLU(0.2), Linear(4W -> 1).</li>
 * </ul>
 * At W = 64, d = 64, R = 32 that is 523,201 parameters. The original BiGAN adds dropout to the
 * joint layers; this one has none, like the other discriminators here.
 */
public final class JointDiscriminator extends AbstractBlock {
    private final NetConfig config;
    private final Block image;
    private final Block latent;
    private final Block joint;

    private JointDiscriminator(NetConfig c) {
        this.config = c;
        int hidden = 4 * c.width();
        this.image = addChildBlock("image", Discriminator.trunk(c));
        this.latent = addChildBlock("latent", new SequentialBlock()
                .add(Linear.builder().setUnits(hidden).build()).add(Activation.leakyReluBlock(0.2f))
                .add(Linear.builder().setUnits(hidden).build()).add(Activation.leakyReluBlock(0.2f)));
        this.joint = addChildBlock("joint", new SequentialBlock()
                .add(Linear.builder().setUnits(hidden).build()).add(Activation.leakyReluBlock(0.2f))
                .add(Linear.builder().setUnits(1).build()));
    }

    /** The image path: the same trunk as D and E, for features of x alone. */
    LayerSequence imageTrunk() {
        return (LayerSequence) image;
    }

    /** D(x, z) as a network whose {@code forward(x, z)} takes x [N, C, R, R] and z [N, d] and gives [N, 1]. */
    public static Network create(String name, NetConfig c, NDManager manager) {
        return new Network(name, new JointDiscriminator(c), manager,
                new Shape(1, c.channels(), c.resolution(), c.resolution()), new Shape(1, c.latentDim()));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        Shape[] shapes = inputs.getShapes();
        check(shapes);
        NDArray features = image.forward(ps, new NDList(inputs.get(0)), training).singletonOrThrow();   // [N, 16W]
        NDArray embedded = latent.forward(ps, new NDList(inputs.get(1)), training).singletonOrThrow();  // [N, 4W]
        return joint.forward(ps, new NDList(features.concat(embedded, 1)), training);                    // [N, 1]
    }

    /** Refuses anything but x [N, C, R, R] with z [N, d], naming both shapes. */
    private void check(Shape[] shapes) {
        int r = config.resolution();
        boolean ok = shapes.length == 2 && shapes[0].dimension() == 4 && shapes[1].dimension() == 2
                && shapes[0].get(0) == shapes[1].get(0) && shapes[0].get(1) == config.channels()
                && shapes[0].get(2) == r && shapes[0].get(3) == r && shapes[1].get(1) == config.latentDim();
        if (!ok) {
            throw new IllegalArgumentException("D(x, z) takes x [N, " + config.channels() + ", " + r + ", " + r
                    + "] and z [N, " + config.latentDim() + "] with the same N; got " + Arrays.toString(shapes));
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), 1)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        check(inputShapes);
        image.initialize(manager, dataType, inputShapes[0]);
        latent.initialize(manager, dataType, inputShapes[1]);
        Shape f = image.getOutputShapes(new Shape[] {inputShapes[0]})[0];
        Shape e = latent.getOutputShapes(new Shape[] {inputShapes[1]})[0];
        joint.initialize(manager, dataType, new Shape(f.get(0), f.get(1) + e.get(1)));
    }
}
