package ganinv.objective;

import ganinv.api.types.Method;
import ganinv.api.types.LatentDistribution;
import ganinv.model.Scalar;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ganinv.model.Discriminator;
import ganinv.model.NetConfig;
import ganinv.model.Network;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The latent-regression GAN (seed: latent-regression-gan-lecture.txt). Three networks: G, an
 * image-only D, and an encoder E. D and G play the non-saturating GAN game; E minimises
 * λ·||z − E(G(z))||²/d, and so does G unless {@code regressGenerator} is off, in which case G's
 * images are detached on E's path.
 *
 * <p>The squared norm is divided by d (a mean over latent elements, then over the batch) so that
 * λ means the same for every latent size and every method (DLSGAN's L_enc is such a mean). With
 * the plain sum, λ = 1 at d = 64 lets the term outweigh the adversarial loss 64-fold, and G
 * learns to hide z in high-frequency noise instead of drawing shapes.
 */
public final class LatentRegression extends BaseMethod {

    private final Network discriminator;
    private final Network encoder;

    public LatentRegression(NetConfig net, LatentDistribution prior, MethodOptions options, NDManager manager) {
        super(net, prior, options, manager);
        this.discriminator = add(Discriminator.create("D", net, 1, manager));
        this.encoder = add(Discriminator.encoder("E", net, manager));
    }

    @Override
    public Map<String, Double> step(NDManager scope, NDArray real, RandomGenerator rng) {
        int b = (int) real.getShape().get(0);
        Map<String, Double> losses = new LinkedHashMap<>();
        losses.put("loss_d", PlainGan.discriminatorStep(generator, discriminator, real, sampleLatents(scope, rng, b)));
        update(b, "D");

        // G and E step: one backward through G, D and E; D is frozen: it passes gradients on but takes none.
        NDArray z = sampleLatents(scope, rng, b);                                   // [B, d]
        try (Network.Frozen frozen = discriminator.freeze();
             GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray fake = generator.forward(z);                                    // [B, C, R, R]
            NDArray adv = GanLosses.generator(discriminator.forward(fake));
            NDArray zHat = encoder.forward(options.regressGenerator() ? fake : fake.stopGradient()); // [B, d]
            NDArray latentMse = z.sub(zHat).square().mean();                     // ||z − E(G(z))||²/d
            NDArray loss = adv.add(Scalar.mul(latentMse, options.lambda()));
            StepProbe.at(StepProbe.BACKWARD_G);
            gc.backward(loss);
            losses.put("loss_g_adv", (double) adv.getFloat());
            losses.put("latent_mse", (double) latentMse.getFloat());
        }
        update(b, "G", "E");
        return losses;
    }

    @Override
    public String name() {
        return Method.LATENT_REGRESSION.toString();
    }

    @Override
    protected NDArray ownEncode(NDArray x) {
        return encoder.forward(x);
    }

    @Override
    public FittedEncoder encoderCopy(NDManager manager) {
        return copyOf(encoder, Discriminator.encoder("E", net, manager), 0);
    }
}
