package ganinv.objective;

import ganinv.api.types.Method;
import ganinv.api.types.LatentDistribution;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ganinv.UserError;
import ganinv.model.Discriminator;
import ganinv.model.NetConfig;
import ganinv.model.EagerFree;
import ganinv.model.Network;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A plain GAN, G and an image-only D with the non-saturating losses, and no encoder while it
 * trains: the "learning-based" approach of gan-inversion-overview.txt fits one afterwards to the
 * frozen G ({@link EncoderFit}), and {@link #useEncoder} hands it over for inversion.
 */
public final class PlainGan extends BaseMethod {

    private final Network discriminator;

    public PlainGan(NetConfig net, LatentDistribution prior, MethodOptions options, NDManager manager) {
        super(net, prior, options, manager);
        this.discriminator = add(Discriminator.create("D", net, 1, manager));
    }

    /**
     * D's half of a step, shared by every method with an image-only D: real [B, C, R, R] against
     * G(z), z [B, d], with G run outside the collector so that no graph is built for it. Updates
     * nothing; the caller steps D's optimizer.
     *
     * @return D's loss
     */
    static double discriminatorStep(Network generator, Network discriminator, NDArray real, NDArray z) {
        double[] loss = new double[1];
        EagerFree.phase(z.getManager(), () -> {                                     // D's graph goes when its step ends
            NDArray fake = generator.forward(z);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray lossD = GanLosses.discriminator(discriminator.forward(real), discriminator.forward(fake));
                StepProbe.at(StepProbe.BACKWARD_D);
                gc.backward(lossD);
                loss[0] = lossD.getFloat();
            }
        }, real, z);
        return loss[0];
    }

    @Override
    public Map<String, Double> step(NDManager scope, NDArray real, RandomGenerator rng) {
        int b = (int) real.getShape().get(0);
        Map<String, Double> losses = new LinkedHashMap<>();
        losses.put("loss_d", discriminatorStep(generator, discriminator, real, sampleLatents(scope, rng, b)));
        update(b, "D");

        NDArray z = sampleLatents(scope, rng, b);                                   // [B, d]
        try (Network.Frozen frozen = discriminator.freeze();
             GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray adv = GanLosses.generator(discriminator.forward(generator.forward(z)));
            StepProbe.at(StepProbe.BACKWARD_G);
            gc.backward(adv);
            losses.put("loss_g_adv", (double) adv.getFloat());
        }
        update(b, "G");
        return losses;
    }

    @Override
    public boolean hasTrainedEncoder() {
        return false;
    }

    @Override
    protected NDArray ownEncode(NDArray x) {
        throw new UserError("a gan run has no encoder until one is fitted: ./ganinv fit-encoder --run RUN");
    }

    /** A fresh encoder (the engine's initial weights): a gan run trains none to copy. */
    @Override
    public FittedEncoder encoderCopy(NDManager manager) {
        return new FittedEncoder(Discriminator.encoder("E", net, manager), 0);
    }

    @Override
    public String name() {
        return Method.GAN.toString();
    }
}
