package ganinv.objective;

import ganinv.api.types.Method;
import ganinv.api.types.Updates;
import ganinv.api.types.ScaleTracker;
import ganinv.api.types.EncoderLossOn;
import ganinv.api.types.LatentDistribution;
import ganinv.api.types.Architecture;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ganinv.model.NetConfig;
import ganinv.random.Rng;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DlsganTest {
    @Test
    void theScaleHasMeanSquareOneAndIsOneForConstantVariance() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray v = m.create(new float[] {0.1f, 2f, 0.5f, 7f, 0.01f});
            float[] s = LatentScale.scaleOf(v).toFloatArray();
            double meanSquare = 0;
            for (float x : s) {
                meanSquare += x * x / (double) s.length;
            }
            assertThat(meanSquare).isCloseTo(1, within(1e-6));
            // √d·√v/||√v||: element 3 is √5·√7/√9.61.
            assertThat(s[3]).isCloseTo((float) (Math.sqrt(5) * Math.sqrt(7) / Math.sqrt(9.61)), within(1e-5f));
            assertThat(LatentScale.scaleOf(m.full(new Shape(4), 0.3f)).toFloatArray()).containsOnly(1f);
        }
    }

    @Test
    void entropyByHand() {
        // s = (1, 2): normal log 1 + log 2 + (2/2)·log(2πe) = 0.693147 + 2.837877; uniform 2·log(2√3) + log 2.
        assertThat(LatentScale.entropy(new float[] {1, 2}, LatentDistribution.NORMAL)).isCloseTo(3.531024247, within(1e-8));
        assertThat(LatentScale.entropy(new float[] {1, 2}, LatentDistribution.UNIFORM)).isCloseTo(3.178053831, within(1e-8));
        // s ≡ 1 is the prior's own entropy: d·½·log(2πe) for N(0, 1), d·log(2√3) for U(−√3, √3).
        assertThat(LatentScale.entropy(new float[] {1, 1, 1}, LatentDistribution.NORMAL)).isCloseTo(3 * 1.418938533, within(1e-8));
    }

    @Test
    void ringAndEmaTrackersOnAKnownSequence() {
        try (NDManager m = NDManager.newBaseManager()) {
            LatentScale ring = LatentScale.create(ScaleTracker.RING, 2, m);
            LatentScale ema = LatentScale.create(ScaleTracker.EMA, 2, m);
            assertThat(ring.variance(m).toFloatArray()).containsExactly(1f, 1f);
            assertThat(ema.variance(m).toFloatArray()).containsExactly(1f, 1f);
            // One batch of two codes whose mean squares are (4, 0): z' = ((2, 0), (−2, 0)).
            NDArray batch = m.create(new float[] {2, 0, -2, 0}, new Shape(2, 2));
            ring.update(batch);
            ema.update(batch);
            assertThat(ring.variance(m).toFloatArray()[0]).isCloseTo((511 + 4) / 512f, within(1e-6f));
            assertThat(ring.variance(m).toFloatArray()[1]).isCloseTo(511 / 512f, within(1e-6f));
            assertThat(ema.variance(m).toFloatArray()).containsExactly(0.999f + 0.004f, 0.999f);
            for (int i = 1; i < 512; i++) {
                ring.update(batch);
                ema.update(batch);
            }
            // After 512 batches the ring holds only real batches; the EMA still remembers its start.
            assertThat(ring.variance(m).toFloatArray()).containsExactly(4f, 0f);
            assertThat(ema.variance(m).toFloatArray()[0]).isCloseTo((float) (4 - 3 * Math.pow(0.999, 512)), within(1e-4f));
            // The ring wraps: batch 513 overwrites row 0, and the position says so.
            ring.update(m.create(new float[] {0, 0, 0, 0}, new Shape(2, 2)));
            assertThat(ring.variance(m).toFloatArray()[0]).isCloseTo(4f * 511 / 512, within(1e-5f));
            assertThat(ring.state().get("scale/position").getFloat()).isEqualTo(1f);
        }
    }

    @Test
    void theLearningRateDecaysPerEpoch() {
        try (NDManager m = NDManager.newBaseManager()) {
            Dlsgan method = new Dlsgan(new NetConfig(8, 3, 4, 4), LatentDistribution.NORMAL, Methods.defaults(Method.DLSGAN), m);
            method.startEpoch(0);
            assertThat(method.optimizers().get("D").learningRate()).isEqualTo(1e-3f);
            method.startEpoch(3);
            for (Adam adam : method.optimizers().values()) {
                assertThat(adam.learningRate()).isCloseTo((float) (1e-3 * 0.98 * 0.98 * 0.98), within(1e-9f));
            }
        }
    }

    /** Both families: a stylegan2 weight scaled into the weights' own manager once leaked an array a step. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"dcgan-up", "stylegan2"})
    void memoryStaysFlatOver500StepsWithR1(String arch) {
        NetConfig c = arch.equals("dcgan-up") ? new NetConfig(8, 3, 4, 4)
                : new NetConfig(8, 3, 4, 4, Architecture.STYLEGAN2, 1, 8);
        try (NDManager m = NDManager.newBaseManager()) {
            Dlsgan method = new Dlsgan(c, LatentDistribution.NORMAL, Methods.defaults(Method.DLSGAN), m);
            Rng rng = new Rng(1);
            int atStep10 = 0;
            for (int step = 0; step < 500; step++) {
                try (NDManager s = m.newSubManager()) {
                    method.step(s, s.randomUniform(-1, 1, new Shape(4, 3, 8, 8)), rng);
                }
                if (step == 9) {
                    atStep10 = liveArrays(m);
                }
            }
            assertThat(liveArrays(m)).isEqualTo(atStep10).isPositive();
        }
    }

    /**
     * One step from the same weights and RNG in both modes: the D step is the same (same z, same
     * D), so D ends bitwise equal — its gradient survives being frozen through G's step and is
     * applied after it — while G differs: alternating G saw the updated D with a fresh z.
     */
    @Test
    void simultaneousUpdatesShareTheDStepAndDrawOneLatentBatchPerStep() {
        NetConfig c = new NetConfig(8, 3, 4, 4);
        Map<Updates, Map<String, float[]>> after = new java.util.HashMap<>();
        for (Updates updates : new Updates[] {Updates.SIMULTANEOUS, Updates.ALTERNATING}) {
            MethodOptions options = new MethodOptions(1, true, 1e-3, 0, 0.99, new DlsOptions(10, 1, ScaleTracker.RING, EncoderLossOn.DG, true, updates));
            Engine.getInstance().setRandomSeed(3);
            try (NDManager m = NDManager.newBaseManager()) {
                Dlsgan method = new Dlsgan(c, LatentDistribution.NORMAL, options, m);
                Map<String, float[]> before = MethodsTest.snapshot(method);
                Rng rng = new Rng(5);
                try (NDManager s = m.newSubManager()) {
                    method.step(s, MethodsTest.shapes(s, 0, 4).get(":, :, 4:12, 4:12"), rng);
                }
                Rng expected = new Rng(5);
                for (int i = 0; i < (updates == Updates.SIMULTANEOUS ? 1 : 2); i++) {
                    LatentDistribution.NORMAL.sample(expected, 4, 4);
                }
                assertThat(rng.state()).as(updates.toString()).isEqualTo(expected.state());
                after.put(updates, MethodsTest.snapshot(method));
                before.forEach((k, v) -> assertThat(after.get(updates).get(k)).as(updates + " " + k).isNotEqualTo(v));
            }
        }
        assertThat(after.get(Updates.SIMULTANEOUS).get("D")).isEqualTo(after.get(Updates.ALTERNATING).get("D"));
        assertThat(after.get(Updates.SIMULTANEOUS).get("G")).isNotEqualTo(after.get(Updates.ALTERNATING).get("G"));
    }

    private static int liveArrays(NDManager manager) {
        return ((ai.djl.ndarray.BaseNDManager) manager.getParentManager()).getManagedArrays().size();
    }

    /**
     * The paper's central claim on a short run, measured in units that do not favour DLS by
     * construction. L_enc weighs element n by s_n², and for an MSE-optimal encoder
     * Σv(1 − v)/Σv ≤ mean(1 − v), so the weighting alone makes DLS look better: after 1200 steps
     * at 16×16 (W = 16, d = 64, λ_r1 = 5, the same seed), L_enc is 0.342 with DLS against 0.455
     * without, yet the unweighted error mean((z − E(G(z)))²) on 256 held-out latents is 0.538
     * against 0.455, and held-out real shapes are reconstructed at 21.05 against 21.39 dB. At this
     * scale DLS does not win in fair units; the README's variant table measures it at the demo's.
     * What must hold whatever the numbers: without DLS the two errors are one figure (s ≡ 1), and
     * with DLS the weighted one reads lower than the unweighted one — the bias that the variant
     * comparisons now avoid by using latent_mse and PSNR.
     */
    @Test
    void theScaleWeightingAloneFavoursDlsSoVariantsAreComparedUnweighted() {
        double[] withDls = measureAfterTraining(true);
        double[] without = measureAfterTraining(false);
        String said = String.format(java.util.Locale.ROOT, "with DLS: L_enc %.4f, latent_mse %.4f, PSNR %.2f dB (%.2f against"
                + " the wrong image); without: %.4f, %.4f, %.2f dB (%.2f)", withDls[0], withDls[1], withDls[2], withDls[3],
                without[0], without[1], without[2], without[3]);
        System.out.println("DlsganTest: " + said);
        assertThat(without[0]).as(said).isCloseTo(without[1], within(1e-6));
        assertThat(withDls[0]).as(said).isLessThan(0.8 * withDls[1]);
        assertThat(withDls[0]).as(said).isLessThan(without[0]);          // the old "central claim", in L_enc's own units
        // Reconstructions must be of their own images: 3 dB better than against the next image's.
        assertThat(withDls[2]).as(said).isGreaterThan(withDls[3] + 3);
        assertThat(without[2]).as(said).isGreaterThan(without[3] + 3);
    }

    /**
     * {L_enc (s²-weighted), unweighted latent error, mean PSNR of held-out real reconstructions in
     * dB, and the same PSNR against the next image's reconstruction (what an encoder that ignored
     * its input would reach)}.
     */
    private static double[] measureAfterTraining(boolean dls) {
        NetConfig c = new NetConfig(16, 3, 16, 64);
        Engine.getInstance().setRandomSeed(0);
        MethodOptions options = new MethodOptions(1, true, 1e-3, 0, 0.99, new DlsOptions(5, 1, ScaleTracker.RING, EncoderLossOn.DG, dls, Updates.ALTERNATING));
        try (NDManager m = NDManager.newBaseManager()) {
            Dlsgan method = new Dlsgan(c, LatentDistribution.NORMAL, options, m);
            Rng rng = new Rng(0);
            for (int step = 0; step < 1200; step++) {
                try (NDManager s = m.newSubManager()) {
                    method.step(s, MethodsTest.shapes(s, 16 * step, 16), rng);
                }
            }
            try (NDManager s = m.newSubManager()) {
                NDArray z = s.create(LatentDistribution.NORMAL.sample(new Rng(77), 256, 64), new Shape(256, 64));
                NDArray zPred = method.encode(method.generate(z));
                NDArray scale = s.create(method.latentScale(s).orElseThrow());
                double weighted = Dlsgan.encoderLoss(z, zPred, scale).getFloat();
                double unweighted = z.sub(zPred).square().mean().getFloat();
                java.util.List<byte[]> heldOut = new java.util.ArrayList<>();
                ganinv.data.ShapesDataset shapes = new ganinv.data.ShapesDataset(99, 64, 16, 3);
                for (int i = 0; i < 64; i++) {
                    heldOut.add(shapes.pixels(i));
                }
                NDArray x = ganinv.data.ImageTensor.batch(s, heldOut, 3, 16);                  // [64, 3, 16, 16] in [-1, 1]
                NDArray rebuilt = method.generate(method.encode(x));                                  // [64, 3, 16, 16]
                NDArray mse = rebuilt.sub(x).square().reshape(64, -1).mean(new int[] {1});            // [64]
                NDArray shifted = rebuilt.get("1:").concat(rebuilt.get(":1"), 0);                     // image i+1's
                NDArray wrong = shifted.sub(x).square().reshape(64, -1).mean(new int[] {1});
                double psnr = 0;
                double psnrWrong = 0;
                for (int i = 0; i < 64; i++) {
                    psnr += 10 * Math.log10(4 / mse.getFloat(i)) / 64;                                   // data range 2
                    psnrWrong += 10 * Math.log10(4 / wrong.getFloat(i)) / 64;
                }
                return new double[] {weighted, unweighted, psnr, psnrWrong};
            }
        }
    }
}
