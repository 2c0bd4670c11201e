package ganinv.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The native heap's counter sees libtorch's tensors come and go, to the byte count worked by hand. */
class NativeHeapTest {
    private static final double MIB = 1024.0 * 1024.0;

    @Test
    void aSixtyFourMebibyteTensorShowsAsSixtyFourMebibytes() {
        assumeTrue(NativeHeap.inUse().isPresent(), "no malloc counters on this platform");
        assertThat(NativeHeap.allocator()).isIn("glibc", "tcmalloc");
        try (NDManager m = NDManager.newBaseManager()) {
            m.zeros(new Shape(1)).close();                                           // the engine is loaded
            double before = NativeHeap.inUse().getAsLong() / MIB;
            NDArray big = m.zeros(new Shape(16L << 20));                              // 16 Mi floats = 64 MiB
            double with = NativeHeap.inUse().getAsLong() / MIB;
            big.close();
            double after = NativeHeap.inUse().getAsLong() / MIB;
            assertThat(with - before).isBetween(63.9, 65.0);
            assertThat(with - after).isBetween(63.9, 65.0);
        }
    }
}
