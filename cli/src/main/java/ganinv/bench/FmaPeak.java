package ganinv.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The CPU's physical fp32 limit, estimated from /proc/cpuinfo: cores x FLOPs per cycle x clock,
 * where a core with AVX-512 is taken to have two 512-bit FMA pipes (2 x 16 lanes x 2 FLOPs = 64 per
 * cycle), one with AVX2 and FMA two 256-bit ones (32), and any other 8. It uses the clock the
 * kernel reports, not a boost clock, and is an estimate: a core with one pipe, or one that runs
 * AVX-512 on 256-bit halves, has half of it, and its "cores" are the bench's threads, which on
 * SMT siblings share one core's pipes.
 */
public final class FmaPeak {
    /**
     * @param cores the cores the bench uses
     * @param flopsPerCycle fp32 FLOPs per core and cycle
     * @param gigahertz the reported clock
     */
    public record Estimate(int cores, int flopsPerCycle, double gigahertz) {
        public double gflopsPerSecond() {
            return cores * flopsPerCycle * gigahertz;
        }
    }

    private FmaPeak() {
    }

    /** The estimate for {@code threads} cores of this machine, or empty where /proc/cpuinfo gives no clock. */
    public static Optional<Estimate> estimate(int threads) {
        try {
            return parse(Files.readAllLines(Path.of("/proc/cpuinfo")), Math.min(threads, Runtime.getRuntime().availableProcessors()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();                 // not Linux
        }
    }

    static Optional<Estimate> parse(List<String> cpuinfo, int cores) {
        Double mhz = null;
        String flags = "";
        for (String line : cpuinfo) {
            String key = line.contains(":") ? line.substring(0, line.indexOf(':')).strip() : "";
            String value = line.contains(":") ? line.substring(line.indexOf(':') + 1).strip() : "";
            if (key.equals("cpu MHz") && mhz == null) {
                mhz = Double.parseDouble(value);
            } else if (key.equals("flags") && flags.isEmpty()) {
                flags = value;
            }
        }
        return mhz == null ? Optional.empty() : Optional.of(new Estimate(cores, flopsPerCycle(flags), mhz / 1000));
    }

    static int flopsPerCycle(String flags) {
        List<String> f = List.of(flags.split("\\s+"));
        return f.contains("avx512f") ? 64 : f.contains("avx2") && f.contains("fma") ? 32 : 8;
    }
}
