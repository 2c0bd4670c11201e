package ganinv.objective;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ganinv.model.HostData;
import ganinv.model.Network;
import ganinv.model.Scalar;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * An encoder fitted to a frozen generator (G and D never change here), in one of two ways.
 *
 * <p><b>From pairs</b> (the "learning-based" inversion of gan-inversion-overview.txt), a step
 * without real images: loss ||z − E(x)||²/d + w_pix·||G(E(x)) − x||²/(C·R·R) with x = G(z).
 *
 * <p><b>From real images</b>, as In-Domain GAN Inversion trains its encoder: for real x,
 * w_pix·||G(E(x)) − x||²/(C·R·R) + w_feat·mean_k ||D_k(G(E(x))) − D_k(x)||²/|D_k| over the stages
 * k of D's own trunk (the features {@code l2+features} inversion uses), plus w_lat·||z − E(G(z))||²/d
 * on G's samples, which ties E's codes to the units G was trained in, plus w_prior·‖E(x)‖²/d, the
 * prior's own penalty (as {@code optimize --prior-weight}): an encoder fitted to pixels alone
 * drives the elements G hardly uses far outside the prior, where G was never trained.
 *
 * <p>Every squared norm is a mean over elements, as in the latent-regression GAN, so the weights
 * mean the same at every size. The pixel and feature terms back-propagate through G and D to reach
 * E; both are frozen for the step, so they accumulate no gradient.
 */
public final class EncoderFit implements Trainable {
    public static final String NAME = "fit-encoder";

    /**
     * The weights of the loss terms: {@code pixel} w_pix, {@code features} w_feat, {@code latent}
     * w_lat, {@code prior} w_prior of ‖E(x)‖²/d on the real images' codes.
     */
    public record Weights(double pixel, double features, double latent, double prior) {
        /** Without the prior term. */
        public Weights(double pixel, double features, double latent) {
            this(pixel, features, latent, 0);
        }
    }

    private final GanMethod method;
    private final FittedEncoder encoder;
    private final Weights weights;
    private final Map<String, Adam> optimizers = new LinkedHashMap<>();

    /**
     * @param method the trained run: its G draws and its D gives the features; left unchanged
     * @param encoder where the fit starts ({@link GanMethod#encoderCopy}); trained in place
     * @param adam E's Adam: step size, beta1, beta2
     */
    public EncoderFit(GanMethod method, FittedEncoder encoder, Weights weights, double[] adam, NDManager manager) {
        this.method = method;
        this.encoder = encoder;
        this.weights = weights;
        optimizers.put("E", new Adam(encoder.network(), manager, (float) adam[0], (float) adam[1], (float) adam[2]));
    }

    /**
     * One step: from real images when {@code real} [B, C, R, R] is given, else from {@code batch}
     * pairs (G(z), z).
     *
     * @return the loss terms by name: latent_mse (when it is part of the loss), pixel_mse, feature_mse
     */
    public Map<String, Double> step(NDManager scope, NDArray real, int batch, RandomGenerator rng) {
        int d = method.net().latentDim();
        Map<String, Double> losses = new LinkedHashMap<>();
        boolean pairs = real == null;
        NDArray z = pairs || weights.latent() > 0 ? HostData.copy(scope, method.prior().sample(rng, batch, d), new Shape(batch, d)) : null;
        NDArray generated = z == null ? null : method.generate(z);      // [B, C, R, R], outside the collector: data, not graph
        Network d0 = method.networks().get("D");
        try (Network.Frozen g = method.sampler().freeze();            // the image terms pass through G and D, which never learn here
             Network.Frozen dFrozen = d0.freeze();
             GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray loss = null;
            if (z != null) {
                NDArray zHat = encoder.encode(generated);                                   // [B, d]
                NDArray latentMse = z.sub(zHat).square().mean();
                losses.put("latent_mse", (double) latentMse.getFloat());
                loss = pairs ? latentMse : Scalar.mul(latentMse, weights.latent());
                if (pairs && weights.pixel() > 0) {
                    NDArray pixelMse = method.generate(zHat).sub(generated).square().mean();
                    loss = loss.add(Scalar.mul(pixelMse, weights.pixel()));
                    losses.put("pixel_mse", (double) pixelMse.getFloat());
                }
            }
            if (!pairs) {
                NDArray codes = encoder.encode(real);                                       // [B, d]
                NDArray rebuilt = method.generate(codes);                                   // [B, C, R, R]
                NDArray pixelMse = rebuilt.sub(real).square().mean();
                losses.put("pixel_mse", (double) pixelMse.getFloat());
                NDArray imageLoss = Scalar.mul(pixelMse, weights.pixel());
                if (weights.prior() > 0) {
                    NDArray power = codes.square().mean();
                    losses.put("code_power", (double) power.getFloat());
                    imageLoss = imageLoss.add(Scalar.mul(power, weights.prior()));
                }
                if (weights.features() > 0) {
                    NDArray featureMse = featureDistance(d0, rebuilt, real);
                    losses.put("feature_mse", (double) featureMse.getFloat());
                    imageLoss = imageLoss.add(Scalar.mul(featureMse, weights.features()));
                }
                loss = loss == null ? imageLoss : loss.add(imageLoss);
            }
            gc.backward(loss);
        }
        optimizers.get("E").step();
        return losses;
    }

    /** mean_k mean((D_k(a) − D_k(b))²) over the stages of D's trunk; b's side is a constant. */
    private static NDArray featureDistance(Network d, NDArray a, NDArray b) {
        List<NDArray> mine = d.stageActivations(a);
        List<NDArray> target = d.stageActivations(b);
        NDArray sum = null;
        for (int k = 0; k < mine.size(); k++) {
            NDArray term = mine.get(k).sub(target.get(k).stopGradient()).square().mean();
            sum = sum == null ? term : sum.add(term);
        }
        return Scalar.div(sum, mine.size());
    }

    /** Mean ||z − E(G(z))||²/d over the given latents [N, d], without touching any gradient. */
    public double latentError(NDArray z) {
        return z.sub(encoder.encode(method.generate(z))).square().mean().getFloat();
    }

    /** Mean ||G(E(x)) − x||²/(C·R·R) over images x [N, C, R, R], without touching any gradient. */
    public double reconstructionError(NDArray x) {
        return method.generate(encoder.encode(x)).sub(x).square().mean().getFloat();
    }

    public FittedEncoder encoder() {
        return encoder;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Network> networks() {
        return Map.of("E", encoder.network());
    }

    @Override
    public Map<String, Adam> optimizers() {
        return optimizers;
    }
}
