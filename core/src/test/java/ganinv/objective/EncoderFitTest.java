package ganinv.objective;

import ganinv.api.types.LatentDistribution;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ganinv.model.Network;
import ganinv.random.Rng;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EncoderFitTest {
    @Test
    void twoHundredStepsLowerTheLatentErrorOnHeldOutLatentsAndLeaveGUntouched() {
        Engine.getInstance().setRandomSeed(5);
        try (NDManager m = NDManager.newBaseManager()) {
            // A generator trained 30 steps, so that its images depend on z in a GAN-like way.
            PlainGan gan = new PlainGan(MethodsTest.TINY, LatentDistribution.NORMAL, MethodsTest.OPTIONS, m);
            Rng rng = new Rng(1);
            for (int step = 0; step < 30; step++) {
                try (NDManager s = m.newSubManager()) {
                    gan.step(s, MethodsTest.shapes(s, 4 * step, 4), rng);
                }
            }
            Network g = gan.networks().get("G");
            List<float[]> gBefore = new ArrayList<>();
            g.weights().values().forEach(w -> gBefore.add(w.toFloatArray()));

            EncoderFit fit = new EncoderFit(gan, gan.encoderCopy(m), new EncoderFit.Weights(1.0, 0, 0), new double[] {1e-3, 0.9, 0.999}, m);
            // Held out: drawn from another seed than every training latent, and fixed for both measurements.
            NDArray heldOut = m.create(LatentDistribution.NORMAL.sample(new Rng(999), 256, 8), new Shape(256, 8));
            double before = fit.latentError(heldOut);
            Rng fitRng = new Rng(2);
            for (int step = 0; step < 200; step++) {
                try (NDManager s = m.newSubManager()) {
                    Map<String, Double> losses = fit.step(s, null, 16, fitRng);
                    assertThat(losses).containsOnlyKeys("latent_mse", "pixel_mse");
                }
            }
            double after = fit.latentError(heldOut);
            // Measured here: 2.64 before, 0.25 after; the bound leaves room for other thread counts and CPUs.
            assertThat(after).as("held-out latent error %.4f -> %.4f", before, after).isLessThan(0.5 * before);

            List<float[]> gAfter = new ArrayList<>();
            g.weights().values().forEach(w -> gAfter.add(w.toFloatArray()));
            for (int i = 0; i < gBefore.size(); i++) {
                assertThat(gAfter.get(i)).containsExactly(gBefore.get(i));
            }
            // The pixel term reached G's weights during backward; nothing may be left there.
            for (NDArray w : g.weights().values()) {
                try (NDArray grad = w.getGradient()) {
                    assertThat(grad.abs().sum().getFloat()).isZero();
                }
            }
        }
    }

    @Test
    void aRealImageStepReportsEachTermAsComputedByHandAndMovesOnlyE() {
        Engine.getInstance().setRandomSeed(6);
        try (NDManager m = NDManager.newBaseManager()) {
            Dlsgan dls = new Dlsgan(MethodsTest.TINY, LatentDistribution.NORMAL, Methods.defaults(ganinv.api.types.Method.DLSGAN), m);
            FittedEncoder e = dls.encoderCopy(m);
            EncoderFit fit = new EncoderFit(dls, e, new EncoderFit.Weights(1, 0.5, 0.25, 0.01), new double[] {1e-3, 0.9, 0.999}, m);
            NDArray real = MethodsTest.shapes(m, 0, 4);                                  // [4, 3, 16, 16]
            // By hand, before the step: the same networks, no graph.
            NDArray codes = e.encode(real);
            NDArray rebuilt = dls.generate(codes);
            double pixel = rebuilt.sub(real).square().mean().getFloat();
            double power = codes.square().mean().getFloat();
            Network d = dls.networks().get("D");
            List<NDArray> a = d.stageActivations(rebuilt);
            List<NDArray> b = d.stageActivations(real);
            double features = 0;
            for (int k = 0; k < a.size(); k++) {
                features += a.get(k).sub(b.get(k)).square().mean().getFloat() / a.size();
            }
            NDArray z = m.create(LatentDistribution.NORMAL.sample(new Rng(3), 4, 8), new Shape(4, 8));
            double latent = z.sub(e.encode(dls.generate(z))).square().mean().getFloat();
            Map<String, NDArray> before = new java.util.LinkedHashMap<>();
            dls.networks().forEach((n, net) -> net.weights().forEach((w, v) -> before.put(n + w, v.duplicate())));

            Map<String, Double> losses = fit.step(m, real, 4, new Rng(3));
            assertThat(losses).containsOnlyKeys("latent_mse", "pixel_mse", "code_power", "feature_mse");
            assertThat(losses.get("pixel_mse")).isCloseTo(pixel, org.assertj.core.api.Assertions.within(1e-6));
            assertThat(losses.get("code_power")).isCloseTo(power, org.assertj.core.api.Assertions.within(1e-6));
            assertThat(losses.get("feature_mse")).isCloseTo(features, org.assertj.core.api.Assertions.within(1e-6));
            assertThat(losses.get("latent_mse")).isCloseTo(latent, org.assertj.core.api.Assertions.within(1e-6));
            // G and D (the run) are untouched; E moved.
            dls.networks().forEach((n, net) -> net.weights().forEach((w, v) ->
                    assertThat(v.toFloatArray()).as(n + w).containsExactly(before.get(n + w).toFloatArray())));
            assertThat(e.encode(real).toFloatArray()).isNotEqualTo(codes.toFloatArray());
        }
    }
}
