package ganinv.objective;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ganinv.model.Discriminator;
import ganinv.model.Generator;
import ganinv.model.LatentPrior;
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
public final class LatentRegression implements GanMethod {
    public static final String NAME = "latent-regression";

    private final NetConfig net;
    private final LatentPrior prior;
    private final MethodOptions options;
    private final Network generator;
    private final Network discriminator;
    private final Network encoder;
    private final Map<String, Adam> optimizers = new LinkedHashMap<>();

    public LatentRegression(NetConfig net, LatentPrior prior, MethodOptions options, NDManager manager) {
        this.net = net;
        this.prior = prior;
        this.options = options;
        this.generator = Generator.create("G", net, manager);
        this.discriminator = Discriminator.create("D", net, 1, manager);
        this.encoder = Discriminator.encoder("E", net, manager);
        for (Network n : networks().values()) {
            optimizers.put(n.name(), new Adam(n, manager, (float) options.learningRate(),
                    (float) options.beta1(), (float) options.beta2()));
        }
    }

    @Override
    public Map<String, Double> step(NDManager scope, NDArray real, RandomGenerator rng) {
        int b = (int) real.getShape().get(0);
        int d = net.latentDim();
        Map<String, Double> losses = new LinkedHashMap<>();

        // D step: real [B, C, R, R] against G(z) made outside the collector, so no graph for G.
        NDArray z = scope.create(prior.sample(rng, b, d), new Shape(b, d));
        NDArray fake0 = generator.forward(z);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray lossD = GanLosses.discriminator(discriminator.forward(real), discriminator.forward(fake0));
            gc.backward(lossD);
            losses.put("loss_d", (double) lossD.getFloat());
        }
        optimizers.get("D").step();

        // G and E step: one backward through G, D and E; D's gradients are discarded after it.
        NDArray z2 = scope.create(prior.sample(rng, b, d), new Shape(b, d));
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray fake = generator.forward(z2);                                   // [B, C, R, R]
            NDArray adv = GanLosses.generator(discriminator.forward(fake));
            NDArray zHat = encoder.forward(options.regressGenerator() ? fake : fake.stopGradient()); // [B, d]
            NDArray latentMse = z2.sub(zHat).square().mean();                    // ||z − E(G(z))||²/d
            gc.backward(adv.add(latentMse.mul(options.lambda())));
            losses.put("loss_g_adv", (double) adv.getFloat());
            losses.put("latent_mse", (double) latentMse.getFloat());
        }
        optimizers.get("G").step();
        optimizers.get("E").step();
        discriminator.zeroGradients();
        return losses;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public NetConfig net() {
        return net;
    }

    @Override
    public LatentPrior prior() {
        return prior;
    }

    @Override
    public Map<String, Network> networks() {
        Map<String, Network> all = new LinkedHashMap<>();
        all.put("G", generator);
        all.put("D", discriminator);
        all.put("E", encoder);
        return all;
    }

    @Override
    public Map<String, Adam> optimizers() {
        return optimizers;
    }

    @Override
    public NDArray generate(NDArray z) {
        return generator.forward(z);
    }

    @Override
    public NDArray encode(NDArray x) {
        return encoder.forward(x);
    }
}
