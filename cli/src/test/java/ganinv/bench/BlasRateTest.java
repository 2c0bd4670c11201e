package ganinv.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BlasRateTest {
    @Test
    void aProductOfTwoSquareMatricesIsTwoNCubedFlops() {
        // [3, 3]·[3, 3]: 9 outputs, each 3 multiplies and 3 adds.
        assertThat(BlasRate.flops(3)).isEqualTo(54.0);
        // 20 products of 1024² in 0.5 s: 2·1024³·20/0.5/1e9 = 85.899 GFLOP/s.
        assertThat(new BlasRate.Result(1024, 20, 0.5).gflopsPerSecond()).isEqualTo(2.0 * 1024 * 1024 * 1024 * 20 / 0.5 / 1e9);
    }

    @Test
    void theMeasurementRunsAndTheCpuIsNamed() {
        BlasRate.Result r = BlasRate.measure(64, 3);
        assertThat(r.seconds()).isPositive();
        assertThat(r.gflopsPerSecond()).isPositive().isFinite();
        assertThat(BlasRate.cpuModel()).isNotBlank();
    }

    @Test
    void theFmaPeakIsCoresTimesFlopsPerCycleTimesClock() {
        // 2 cores of two 512-bit FMA pipes (2 x 16 lanes x 2 FLOPs = 64 per cycle) at 2.1 GHz: 268.8 GFLOP/s.
        assertThat(new FmaPeak.Estimate(2, 64, 2.1).gflopsPerSecond()).isCloseTo(268.8, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(FmaPeak.flopsPerCycle("fpu sse avx2 fma avx512f")).isEqualTo(64);
        assertThat(FmaPeak.flopsPerCycle("fpu sse avx2 fma")).isEqualTo(32);
        assertThat(FmaPeak.flopsPerCycle("fpu sse sse2")).isEqualTo(8);
        assertThat(FmaPeak.parse(java.util.List.of("model name\t: X", "cpu MHz\t\t: 2096.013", "flags\t\t: fma avx2 avx512f"), 2))
                .contains(new FmaPeak.Estimate(2, 64, 2.096013));
        assertThat(FmaPeak.parse(java.util.List.of("model name\t: X"), 2)).isEmpty();
    }
}
