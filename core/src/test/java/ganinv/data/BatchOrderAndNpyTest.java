package ganinv.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class BatchOrderAndNpyTest {
    @TempDir
    Path tmp;

    @Test
    void everyEpochVisitsEveryImageOnceInANewOrder() {
        BatchOrder order = new BatchOrder(10, 42);
        long[] epoch0 = new long[10];
        long[] epoch1 = new long[10];
        for (int step = 0; step < 5; step++) {
            System.arraycopy(order.indices(step, 2), 0, epoch0, step * 2, 2);
            System.arraycopy(order.indices(step + 5, 2), 0, epoch1, step * 2, 2);
        }
        assertThat(Arrays.stream(epoch0).sorted().toArray()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(Arrays.stream(epoch1).sorted().toArray()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(epoch0).isNotEqualTo(epoch1);
        // A fresh order (as after a resume) gives the same batch for the same step.
        assertThat(new BatchOrder(10, 42).indices(7, 2)).isEqualTo(order.indices(7, 2));
        assertThat(new BatchOrder(Dataset.INFINITE, 1).indices(3, 4)).containsExactly(12, 13, 14, 15);
    }

    @Test
    void npyRoundTripAndHeaderAlignment() {
        float[] data = {1.5f, -2f, 3.25f, 0f, 7f, -0.125f};
        Path f = tmp.resolve("m.npy");
        Npy.write(f, new Npy.Matrix(2, 3, data));
        Npy.Matrix back = Npy.read(f);
        assertThat(back.rows()).isEqualTo(2);
        assertThat(back.cols()).isEqualTo(3);
        assertThat(back.data()).containsExactly(data);
        assertThat((f.toFile().length() - 4 * 6) % 64).isZero();
    }

    @Test
    void readsAFileWrittenByNumpy() throws Exception {
        // np.save of (arange(12).reshape(3, 4) - 5.5) / 4 as float32 (scripts/make-metric-fixtures.py).
        Npy.Matrix m = Npy.read(Path.of("src/test/resources/oracle/codes-3x4.npy"));
        assertThat(m.rows()).isEqualTo(3);
        assertThat(m.cols()).isEqualTo(4);
        for (int i = 0; i < 12; i++) {
            assertThat(m.data()[i]).isEqualTo((i - 5.5f) / 4);
        }
        // And our writer produces the same bytes numpy did.
        Path mine = tmp.resolve("mine.npy");
        Npy.write(mine, m);
        assertThat(Files.readAllBytes(mine)).isEqualTo(Files.readAllBytes(Path.of("src/test/resources/oracle/codes-3x4.npy")));
    }
}
