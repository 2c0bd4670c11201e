package ganinv.invert;

import ganinv.api.types.BadInputException;
import ganinv.api.types.Method;
import ganinv.api.types.InvertLoss;
import ganinv.api.types.LatentDistribution;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ganinv.UserError;
import ganinv.data.ImageTensor;
import ganinv.data.ShapesDataset;
import ganinv.metrics.Psnr;
import ganinv.model.NetConfig;
import ganinv.model.Network;
import ganinv.objective.GanMethod;
import ganinv.objective.Methods;
import ganinv.random.Rng;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptimizationInverterTest {
    private static final NetConfig NET = new NetConfig(16, 3, 16, 8);
    private static NDManager manager;
    private static GanMethod method;
    private static final ShapesDataset SHAPES = new ShapesDataset(0, -1, 16, 3);

    /** A latent-regression GAN trained 150 steps on 16x16 shapes: enough for an encoder worth starting from. */
    @BeforeAll
    static void train() {
        Engine.getInstance().setRandomSeed(3);
        manager = NDManager.newBaseManager();
        method = Methods.create(Method.LATENT_REGRESSION, NET, LatentDistribution.NORMAL, Methods.defaults(Method.LATENT_REGRESSION), manager);
        Rng rng = new Rng(1);
        for (int step = 0; step < 150; step++) {
            try (NDManager s = manager.newSubManager()) {
                List<byte[]> images = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    images.add(SHAPES.pixels(16L * step + i));
                }
                method.step(s, ImageTensor.batch(s, images, 3, 16), rng);
            }
        }
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    private static OptimizeSettings settings(int steps, int restarts) {
        return new OptimizeSettings(steps, 0.05, InvertLoss.L2, 0, restarts, 8, 11);
    }

    @Test
    void optimisationLowersTheLossAndRecoversAKnownCodeBetterThanARandomOne() {
        float[] truth = LatentDistribution.NORMAL.sample(new Rng(5), 6, 8);
        List<byte[]> targets = Decode.images(method, manager, truth, 64);
        Inversion inv = new OptimizationInverter(method, manager, settings(150, 1), false).invert(targets);
        double[] h = inv.lossHistory();
        assertThat(h).hasSize(150);
        assertThat(h[149]).isLessThan(0.5 * h[0]);
        // A random code is the start's distance; the optimised code must be closer to the truth.
        float[] random = LatentDistribution.NORMAL.sample(new Rng(999), 6, 8);
        assertThat(distance(inv.codes(), truth)).isLessThan(distance(random, truth));
    }

    @Test
    void hybridIsAtLeastAsGoodAsTheEncoderOnRealImages() {
        List<byte[]> real = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            real.add(new ShapesDataset(77, 8, 16, 3).pixels(i));
        }
        Inversion enc = new EncoderInverter(method, manager, 64).invert(real);
        Inversion hyb = new OptimizationInverter(method, manager, settings(60, 1), true).invert(real);
        double encPsnr = meanPsnr(real, enc.reconstructions());
        double hybPsnr = meanPsnr(real, hyb.reconstructions());
        assertThat(hybPsnr).as("hybrid %.3f dB against encoder %.3f dB", hybPsnr, encPsnr).isGreaterThanOrEqualTo(encPsnr);
        assertThat(hyb.lossHistory()[0]).isGreaterThanOrEqualTo(hyb.lossHistory()[59]);
    }

    @Test
    void onlyTheCodeMovesTheWeightsStayFrozenAndCarryNoGradient() {
        List<float[]> before = snapshot();
        List<byte[]> images = Decode.images(method, manager, LatentDistribution.NORMAL.sample(new Rng(6), 3, 8), 64);
        for (InvertLoss loss : InvertLoss.values()) {
            new OptimizationInverter(method, manager, new OptimizeSettings(5, 0.05, loss, 0.1, 2, 2, 1), true).invert(images);
        }
        List<float[]> after = snapshot();
        for (int i = 0; i < before.size(); i++) {
            assertThat(after.get(i)).containsExactly(before.get(i));
        }
        for (Network n : method.networks().values()) {
            for (NDArray w : n.weights().values()) {
                try (NDArray g = w.getGradient()) {
                    assertThat(g.abs().sum().getFloat()).isZero();
                }
            }
        }
    }

    @Test
    void restartsKeepTheBestStartAndBadSettingsNameTheFlag() {
        float[] truth = LatentDistribution.NORMAL.sample(new Rng(8), 4, 8);
        List<byte[]> targets = Decode.images(method, manager, truth, 64);
        Inversion one = new OptimizationInverter(method, manager, settings(20, 1), false).invert(targets);
        Inversion three = new OptimizationInverter(method, manager, settings(20, 3), false).invert(targets);
        // The first of three starts is the single run's start, so the best of three is not worse (up to 8-bit rounding).
        assertThat(meanPsnr(targets, three.reconstructions())).isGreaterThanOrEqualTo(meanPsnr(targets, one.reconstructions()) - 0.1);
        assertThatThrownBy(() -> InvertLoss.parse("l3")).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("--loss l3");
        assertThatThrownBy(() -> new OptimizeSettings(10, 0.05, InvertLoss.L2, 0, 0, 8, 0)).hasMessageStartingWith("--restarts 0");
    }

    private static List<float[]> snapshot() {
        List<float[]> all = new ArrayList<>();
        method.networks().values().forEach(n -> n.weights().values().forEach(w -> all.add(w.toFloatArray())));
        return all;
    }

    private static double distance(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (double) (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }

    private static double meanPsnr(List<byte[]> a, List<byte[]> b) {
        double sum = 0;
        for (int i = 0; i < a.size(); i++) {
            sum += Math.min(100, Psnr.of(a.get(i), b.get(i)));
        }
        return sum / a.size();
    }
}
