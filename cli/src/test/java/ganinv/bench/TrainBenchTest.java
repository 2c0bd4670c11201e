package ganinv.bench;

import ganinv.api.types.InvertMode;
import ganinv.api.types.Method;
import ganinv.model.NetConfig;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The benchmarks run every method's real step and report consistent numbers (speed itself is never asserted). */
class TrainBenchTest {
    @Test
    void defaultNetworkHasThePyTorchPeersParameterCounts() {
        // Printed by shared/bench/torch_dlsgan_step.py at its defaults (R 32, C 3, W 64, d 64).
        TrainBench.Result r = TrainBench.run(new TrainBench.Settings(Method.DLSGAN, new NetConfig(32, 3, 64, 64), 2, 1, 0), null);
        assertThat(r.parameters()).containsEntry("G", 179_075L).containsEntry("D", 179_201L);
    }

    @Test
    void everyMethodStepsAndReportsItsRatesPerImage() {
        for (Method m : Method.values()) {
            TrainBench.Result r = TrainBench.run(new TrainBench.Settings(m, new NetConfig(8, 3, 4, 4), 4, 2, 1), null);
            // the method's own networks were built and stepped: each is counted
            assertThat(r.parameters().keySet()).as(m.toString()).containsAll(m == Method.LATENT_REGRESSION || m == Method.BIGAN
                    ? java.util.List.of("G", "D", "E") : java.util.List.of("G", "D"));
            // the rate is over the timed steps alone: 2 of batch 4, the warm-up step excluded
            assertThat(r.batch()).isEqualTo(4);
            assertThat(r.steps()).isEqualTo(2);
            assertThat(r.stepMillis()).as(m.toString()).hasSize(2);
            double stepped = Arrays.stream(r.stepMillis()).sum();
            assertThat(stepped).as(m + ": the steps' own times fill the timed seconds").isPositive()
                    .isLessThanOrEqualTo(r.seconds() * 1e3).isGreaterThan(0.5 * r.seconds() * 1e3);
            assertThat(r.imagesPerSecond()).as(m.toString()).isCloseTo(8 / r.seconds(), within(1e-9));
            assertThat(r.rssAtEnd()).as(m.toString()).isPositive();
        }
        // GFLOP/s over images/s is the FLOPs of one image's step: 101,888 for DLSGAN at R 8, C 1, W 2, d 3,
        // counted by hand in StepFlopsTest.dlsganStepWorkedByHand (G 7104, D 7168, R1 20,928).
        TrainBench.Result d = TrainBench.run(new TrainBench.Settings(Method.DLSGAN, new NetConfig(8, 1, 2, 3), 5, 2, 1), null);
        assertThat(d.gflopsPerSecond() * 1e9 / d.imagesPerSecond()).isCloseTo(101_888, within(1e-6));
    }

    @Test
    void badSettingsAreUserErrors() {
        NetConfig c = new NetConfig(8, 3, 4, 4);
        assertThatThrownBy(() -> new TrainBench.Settings(Method.DLSGAN, c, 0, 1, 0)).hasMessageContaining("--batch");
        assertThatThrownBy(() -> new TrainBench.Settings(Method.DLSGAN, c, 1, 0, 0)).hasMessageContaining("--steps");
        assertThatThrownBy(() -> new TrainBench.Settings(Method.DLSGAN, c, 1, 1, -1)).hasMessageContaining("--warmup");
    }

    @Test
    void invertBenchCountsImagesAndImageSteps() {
        NetConfig c = new NetConfig(8, 3, 4, 4);
        InvertBench.Result e = InvertBench.run(new InvertBench.Settings(InvertMode.ENCODER, Method.DLSGAN, c, 4, 2, 0), null);
        assertThat(e.images()).isEqualTo(2L * 4 * InvertBench.BATCHES);
        InvertBench.Result o = InvertBench.run(new InvertBench.Settings(InvertMode.OPTIMIZE, Method.LATENT_REGRESSION, c, 4, 3, 1), null);
        assertThat(o.images()).isEqualTo(12);
        assertThatThrownBy(() -> InvertBench.run(new InvertBench.Settings(InvertMode.ENCODER, Method.GAN, c, 4, 1, 0), null))
                .hasMessageContaining("--method gan");
        assertThatThrownBy(() -> new InvertBench.Settings(InvertMode.HYBRID, Method.DLSGAN, c, 4, 1, 0)).hasMessageContaining("--mode");
    }
}
