package ganinv.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The native heap's counter sees libtorch's tensors come and go, to the byte count worked by hand.
 * The counter is the whole process's: the JVM's own threads (the cleaner freeing direct buffers
 * left by earlier tests, the JIT) malloc and free a few hundred KiB at any moment, so one reading
 * can be off by that much; the median of several is the tensor's own size.
 */
class NativeHeapTest {
    private static final double MIB = 1024.0 * 1024.0;
    private static final int READINGS = 7;

    @Test
    void aSixtyFourMebibyteTensorShowsAsSixtyFourMebibytes() {
        assumeTrue(NativeHeap.inUse().isPresent(), "no malloc counters on this platform");
        assertThat(NativeHeap.allocator()).isIn("glibc", "tcmalloc");
        double[] grown = new double[READINGS];
        double[] freed = new double[READINGS];
        try (NDManager m = NDManager.newBaseManager()) {
            m.zeros(new Shape(1)).close();                                           // the engine is loaded
            for (int i = 0; i < READINGS; i++) {
                double before = NativeHeap.inUse().getAsLong() / MIB;
                NDArray big = m.zeros(new Shape(16L << 20));                          // 16 Mi floats = 64 MiB
                double with = NativeHeap.inUse().getAsLong() / MIB;
                big.close();
                double after = NativeHeap.inUse().getAsLong() / MIB;
                grown[i] = with - before;
                freed[i] = with - after;
            }
        }
        assertThat(median(grown)).as("growth per 64 MiB tensor, readings %s", Arrays.toString(grown)).isBetween(63.9, 65.0);
        assertThat(median(freed)).as("release per 64 MiB tensor, readings %s", Arrays.toString(freed)).isBetween(63.9, 65.0);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
