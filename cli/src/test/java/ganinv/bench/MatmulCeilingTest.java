package ganinv.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MatmulCeilingTest {
    @Test
    void aProductOfTwoSquareMatricesIsTwoNCubedFlops() {
        // [3, 3]·[3, 3]: 9 outputs, each 3 multiplies and 3 adds.
        assertThat(MatmulCeiling.flops(3)).isEqualTo(54.0);
        // 20 products of 1024² in 0.5 s: 2·1024³·20/0.5/1e9 = 85.899 GFLOP/s.
        assertThat(new MatmulCeiling.Result(1024, 20, 0.5).gflopsPerSecond()).isEqualTo(2.0 * 1024 * 1024 * 1024 * 20 / 0.5 / 1e9);
    }

    @Test
    void theMeasurementRunsAndTheCpuIsNamed() {
        MatmulCeiling.Result r = MatmulCeiling.measure(64, 3);
        assertThat(r.seconds()).isPositive();
        assertThat(r.gflopsPerSecond()).isPositive().isFinite();
        assertThat(MatmulCeiling.cpuModel()).isNotBlank();
    }
}
