package ganinv.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The process's resident set size, as the kernel reports it: native memory (libtorch's tensors) included. */
public final class ProcessMemory {
    private ProcessMemory() {
    }

    /** The Java heap the JVM has committed, in MiB: part of the RSS, grown by the JVM on its own schedule. */
    public static double javaHeapMiB() {
        return Runtime.getRuntime().totalMemory() / (1024.0 * 1024.0);
    }

    /** VmRSS in MiB from /proc/self/status, or NaN where there is no /proc (not Linux). */
    public static double residentMiB() {
        return status("VmRSS:");
    }

    /** VmHWM, the highest RSS the process has had so far (what {@code /usr/bin/time} reports), in MiB; NaN without /proc. */
    public static double peakResidentMiB() {
        return status("VmHWM:");
    }

    private static double status(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
