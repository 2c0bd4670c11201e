package ganinv.objective;

import ganinv.api.types.Method;
import ganinv.api.types.LatentDistribution;
import ganinv.model.Scalar;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ganinv.UserError;
import ganinv.model.Discriminator;
import ganinv.model.EagerFree;
import ganinv.model.NetConfig;
import ganinv.model.Network;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * DLSGAN (seed: dlsgan-paper.txt, Algorithm 1): one D outputs the adversarial logit and the
 * predicted latent z' (d values) from one trunk; there is no separate encoder. The generator's
 * input is always z∘s, with s the {@link LatentScale}, so {@link #generate} and {@link #encode}
 * both work in the prior's units: a reconstruction is G(E(x)∘s).
 * <ul>
 *   <li>L_enc = mean((z − z')²∘s²), z' from D(G(z∘s)); logged beside it, latent_mse = mean((z − z')²),
 *   the same error unweighted, which is what compares runs with and without DLS;</li>
 *   <li>L_d = softplus(−a_r) + softplus(a_g) + λ_enc·L_enc + λ_r1·||∇ₓa_r||² ({@link R1}, exact);</li>
 *   <li>L_g = softplus(−a_g) + λ_enc·L_enc ("DG"), or without L_enc ("D");</li>
 *   <li>after D's step, v folds in the step's z'; "No DLS" keeps s ≡ 1 (v is still tracked);</li>
 *   <li>alternating updates: D is updated before G's step, which draws a fresh z; simultaneous
 *   (Algorithm 1): G's step uses the same z and the same D, and both are updated after it.</li>
 * </ul>
 * The learning rate is multiplied by the decay once per epoch ({@link #startEpoch}).
 */
public final class Dlsgan extends BaseMethod {

    private final Network discriminator;
    private final LatentScale scale;
    private final DlsOptions dls;

    public Dlsgan(NetConfig net, LatentDistribution prior, MethodOptions options, NDManager manager) {
        super(net, prior, options, manager);
        if (options.dls() == null) {
            throw new UserError("dlsgan needs its settings (--r1, --lr-decay, ...); the run's config has none");
        }
        this.dls = options.dls();
        this.discriminator = add(Discriminator.create("D", net, 1 + net.latentDim(), dls.minibatchStd(), manager));
        this.scale = LatentScale.create(dls.scaleTracker(), net.latentDim(), manager);
    }

    @Override
    public Map<String, Double> step(NDManager scope, NDArray real, RandomGenerator rng) {
        int b = (int) real.getShape().get(0);
        Map<String, Double> losses = new LinkedHashMap<>();
        NDArray s = currentScale(scope);                                             // [d]
        NDArray z = sampleLatents(scope, rng, b);                                    // [B, d]
        // Each phase's graph goes when the phase ends (EagerFree): D's is gone before G's is built.
        NDArray zPred = EagerFree.phase(scope, phase -> discriminatorStep(real, z, s, rng, losses), real, z, s);  // [B, d]
        if (!dls.simultaneous()) {
            update(b, "D");
        }
        scale.update(zPred);                                                         // s of this step is already taken
        // Simultaneous (Algorithm 1): the same z through the same, not yet updated D.
        NDArray zG = dls.simultaneous() ? z : sampleLatents(scope, rng, b);          // [B, d]
        EagerFree.phase(scope, () -> generatorStep(zG, s, rng, losses), zG, s);
        if (dls.simultaneous()) {
            update(b, "D");                                                          // D's gradients wait untouched: D was frozen
        }
        update(b, "G");
        losses.put("entropy", LatentScale.entropy(s.toFloatArray(), prior));
        losses.put("s_min", (double) s.min().getFloat());
        losses.put("s_max", (double) s.max().getFloat());
        return losses;
    }

    /**
     * D's gradients of L_adv + λ_enc·L_enc + λ_r1·R1, left on D for the caller to apply. G's images
     * are made outside the collector; one traced forward of [real; fake] serves the adversarial
     * loss, L_enc and R1 (on the real rows). With --augment the adversarial rows are augmented and
     * the plain fakes follow for L_enc: [aug real; aug fake; fake]. Returns z' [B, d] of the fakes,
     * detached from the graph.
     */
    private NDArray discriminatorStep(NDArray real, NDArray z, NDArray s, RandomGenerator rng, Map<String, Double> losses) {
        int b = (int) real.getShape().get(0);
        NDArray fake = generator.forward(z.mul(s));                                  // [B, C, R, R]
        NDArray dIn = dls.augment()
                ? Augment.apply(real, rng).concat(Augment.apply(fake, rng), 0).concat(fake, 0) : real.concat(fake, 0);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            R1.Traced traced = R1.forward(discriminator, dIn, b);                    // [2B or 3B, 1 + d]
            NDArray outReal = traced.output().get("0:" + b);                         // [B, 1 + d]
            NDArray outFake = traced.output().get(b + ":" + 2 * b);                  // [B, 1 + d]
            NDArray zPred = traced.output().get((dls.augment() ? 2 * b : b) + ":, 1:");  // [B, d]
            NDArray adv = GanLosses.discriminator(outReal.get(":, 0"), outFake.get(":, 0"));
            NDArray lEnc = encoderLoss(z, zPred, s);
            NDArray r1 = R1.gradientNormSquared(discriminator, traced);
            NDArray loss = adv.add(Scalar.mul(lEnc, options.lambda())).add(Scalar.mul(r1, dls.r1Weight()));
            StepProbe.at(StepProbe.BACKWARD_D);
            gc.backward(loss);
            losses.put("loss_d_adv", (double) adv.getFloat());
            losses.put("l_enc", (double) lEnc.getFloat());
            // L_enc weighs element n by s_n², which alone makes DLS look better (docs/quality.md): the
            // unweighted error is what compares with and without DLS.
            losses.put("latent_mse", (double) z.sub(zPred).square().mean().getFloat());
            losses.put("r1", (double) r1.getFloat());
            return zPred.stopGradient();
        }
    }

    /**
     * G's gradients of its adversarial loss (+ λ_enc·L_enc for "dg"), through D frozen: its input
     * gradients are needed, its weight gradients are not. With --augment D's adversarial output sees
     * the augmented images and L_enc the plain ones: [aug G(z); G(z)].
     */
    private void generatorStep(NDArray z, NDArray s, RandomGenerator rng, Map<String, Double> losses) {
        int b = (int) z.getShape().get(0);
        boolean both = dls.augment() && dls.encoderLossOnGenerator();
        try (Network.Frozen frozen = discriminator.freeze();
             GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray image = generator.forward(z.mul(s));                             // [B, C, R, R]
            NDArray out = discriminator.forward(!dls.augment() ? image
                    : both ? Augment.apply(image, rng).concat(image, 0) : Augment.apply(image, rng));  // [B or 2B, 1 + d]
            NDArray adv = GanLosses.generator(out.get("0:" + b + ", 0"));
            NDArray loss = dls.encoderLossOnGenerator()
                    ? adv.add(Scalar.mul(encoderLoss(z, out.get((both ? b : 0) + ":, 1:"), s), options.lambda())) : adv;
            StepProbe.at(StepProbe.BACKWARD_G);
            gc.backward(loss);
            losses.put("loss_g_adv", (double) adv.getFloat());
        }
    }

    /** L_enc = mean((z − z')²∘s²) over batch and elements: z, z' [B, d], s [d]. */
    public static NDArray encoderLoss(NDArray z, NDArray zPred, NDArray s) {
        return z.sub(zPred).square().mul(s.square()).mean();
    }

    /** s [d] in {@code scope}: the tracked scale, or ones without DLS. */
    private NDArray currentScale(NDManager scope) {
        return dls.dynamicScale() ? scale.scale(scope) : scope.ones(new ai.djl.ndarray.types.Shape(net.latentDim()));
    }

    /** G(z∘s) for z [N, d] in the prior's units. */
    @Override
    public NDArray generate(NDArray z) {
        return sampler().forward(z.mul(currentScale(z.getManager())));
    }

    /** z' = D(x)[:, 1:], [N, d], in the prior's units. */
    @Override
    protected NDArray ownEncode(NDArray x) {
        return discriminator.forward(x).get(":, 1:");
    }

    @Override
    public FittedEncoder encoderCopy(NDManager manager) {
        return copyOf(discriminator, Discriminator.create("E", net, 1 + net.latentDim(), dls.minibatchStd(), manager), 1);
    }

    @Override
    public Optional<float[]> latentScale(NDManager scope) {
        return Optional.of(currentScale(scope).toFloatArray());
    }

    @Override
    public void startEpoch(long epoch) {
        setLearningRate(options.learningRate() * Math.pow(dls.lrDecay(), epoch));
    }

    @Override
    public Map<String, NDArray> buffers() {
        Map<String, NDArray> all = new java.util.LinkedHashMap<>(super.buffers());
        all.putAll(scale.state());
        return all;
    }

    @Override
    public String name() {
        return Method.DLSGAN.toString();
    }
}
