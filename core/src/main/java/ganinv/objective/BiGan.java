package ganinv.objective;

import ganinv.api.types.Method;
import ganinv.api.types.LatentDistribution;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ganinv.model.Discriminator;
import ganinv.model.JointDiscriminator;
import ganinv.model.NetConfig;
import ganinv.model.EagerFree;
import ganinv.model.Network;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * BiGAN (seed: bigan-lecture.txt; Donahue et al. 2017): G: z -> x, E: x -> z, and a joint
 * D(x, z) ({@link JointDiscriminator}) that tells real pairs (x, E(x)) from fake pairs (G(z), z).
 * The value is V = E_x[log D(x, E(x))] + E_z[log(1 − D(G(z), z))], max over D, min over (G, E).
 *
 * <p>D's step and the (G, E) step alternate. D minimises −V = softplus(−a_real) + softplus(a_fake)
 * with a = D's logit. G and E do not minimise V itself, whose gradient vanishes while D wins;
 * like the original BiGAN code they take the non-saturating form with the labels swapped:
 * softplus(a_real) + softplus(−a_fake), i.e. E wants its pair called fake and G wants its pair
 * called real. No term ties E(G(z)) to z directly; {@code latent_mse} = ||z − E(G(z))||²/d is
 * logged as a diagnostic only, in the latent-regression GAN's units.
 */
public final class BiGan extends BaseMethod {

    private final Network encoder;
    private final Network discriminator;

    public BiGan(NetConfig net, LatentDistribution prior, MethodOptions options, NDManager manager) {
        super(net, prior, options, manager);
        this.encoder = add(Discriminator.encoder("E", net, manager));
        this.discriminator = add(JointDiscriminator.create("D", net, manager));
    }

    @Override
    public Map<String, Double> step(NDManager scope, NDArray real, RandomGenerator rng) {
        int b = (int) real.getShape().get(0);
        Map<String, Double> losses = new LinkedHashMap<>();

        // D step: both pairs' generated halves are made outside the collector, so no graph for G or E.
        NDArray z = sampleLatents(scope, rng, b);                                   // [B, d]
        EagerFree.phase(scope, () -> {                                              // D's graph goes when its step ends
            NDArray fake = generator.forward(z);                                    // [B, C, R, R]
            NDArray encoded = encoder.forward(real);                                // [B, d]
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray lossD = GanLosses.discriminator(discriminator.forward(real, encoded), discriminator.forward(fake, z));
                StepProbe.at(StepProbe.BACKWARD_D);
                gc.backward(lossD);
                losses.put("loss_d", (double) lossD.getFloat());
            }
        }, real, z);
        update(b, "D");

        // G and E step: the same pairs with the labels swapped; D is frozen: it passes gradients on but takes none.
        NDArray z2 = sampleLatents(scope, rng, b);
        NDArray fake2;
        try (Network.Frozen frozen = discriminator.freeze();
             GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            fake2 = generator.forward(z2);
            NDArray lossGe = GanLosses.discriminator(discriminator.forward(fake2, z2),
                    discriminator.forward(real, encoder.forward(real)));
            StepProbe.at(StepProbe.BACKWARD_G);
            gc.backward(lossGe);
            losses.put("loss_ge", (double) lossGe.getFloat());
        }
        update(b, "G", "E");
        losses.put("latent_mse", (double) z2.sub(encoder.forward(fake2.stopGradient())).square().mean().getFloat());
        return losses;
    }

    @Override
    protected NDArray ownEncode(NDArray x) {
        return encoder.forward(x);
    }

    @Override
    public FittedEncoder encoderCopy(NDManager manager) {
        return copyOf(encoder, Discriminator.encoder("E", net, manager), 0);
    }

    @Override
    public String name() {
        return Method.BIGAN.toString();
    }
}
