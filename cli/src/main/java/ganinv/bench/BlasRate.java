package ganinv.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The machine's own fp32 matrix-multiply rate through libtorch's BLAS at the bench's thread count,
 * which every GFLOP/s figure of {@code bench} is printed against beside the {@link FmaPeak}, so
 * that a figure from another machine carries its own yardstick. It is a rate, not a ceiling: a
 * convolution by a fast algorithm (Winograd) counts more direct-convolution FLOPs than it runs and
 * can read above it. A square [N, N]·[N, N] product costs 2N³ FLOPs.
 */
public final class BlasRate {
    /**
     * @param n the matrices' side
     * @param products timed products
     * @param seconds their wall time
     */
    public record Result(int n, int products, double seconds) {
        public double gflopsPerSecond() {
            return flops(n) * products / seconds / 1e9;
        }
    }

    private BlasRate() {
    }

    /** FLOPs of one [n, n]·[n, n] product: n² outputs, n multiply-adds each. */
    static double flops(int n) {
        return 2.0 * n * n * n;
    }

    /**
     * Times {@code products} products of two uniform [n, n] matrices after two untimed ones; the best
     * of three rounds. Each round ends by reading a value of its last product, so that on a GPU,
     * whose kernels return before they finish, the time covers the work.
     */
    public static Result measure(int n, int products) {
        return measure(n, products, ganinv.model.Devices.DEFAULT);
    }

    /** As above, on {@code device}. */
    public static Result measure(int n, int products, ai.djl.Device device) {
        try (NDManager m = NDManager.newBaseManager(device)) {
            NDArray a = m.randomUniform(-1, 1, new Shape(n, n));
            NDArray b = m.randomUniform(-1, 1, new Shape(n, n));
            for (int i = 0; i < 2; i++) {
                a.matMul(b).close();
            }
            double best = Double.MAX_VALUE;
            for (int round = 0; round < 3; round++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < products; i++) {
                    try (NDArray p = a.matMul(b)) {
                        if (i == products - 1) {
                            p.get(0, 0).getFloat();          // waits for every queued product (GPU); free on CPU
                        }
                    }
                }
                best = Math.min(best, (System.nanoTime() - t0) / 1e9);
            }
            return new Result(n, products, best);
        }
    }

    /** The CPU's model name from /proc/cpuinfo, or the architecture where there is none. */
    public static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.toLowerCase(Locale.ROOT).startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
        return System.getProperty("os.arch");
    }
}
