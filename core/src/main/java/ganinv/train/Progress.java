package ganinv.train;

import java.io.PrintStream;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Progress of a long job. The core prints plain periodic lines (logs and CI must not fill with
 * carriage returns); an application that wants a live bar on a terminal registers a
 * {@link Display} as a {@link ServiceLoader} service (the command line does), so the library
 * itself depends on no terminal library.
 */
public abstract class Progress implements AutoCloseable {

    /** A terminal display, found through {@link ServiceLoader}. */
    public interface Display {
        /** A live display of {@code task} from {@code start} to {@code total}, or null to fall back to plain lines. */
        Progress open(String task, long start, long total);
    }

    /** The registered display when stdout and stdin are a terminal, plain lines on {@code out} otherwise. */
    public static Progress create(String task, long start, long total, PrintStream out) {
        if (System.console() != null) {
            for (Display display : ServiceLoader.load(Display.class)) {
                Progress live = display.open(task, start, total);
                if (live != null) {
                    return live;
                }
            }
        }
        return new Lines(task, start, total, out);
    }

    /** Called every step; plain lines are printed only when {@code log} is true. */
    public abstract void update(long done, Map<String, Double> values, boolean log);

    @Override
    public void close() {
    }

    /** {@code values} as "name 1.234  other 5.678". */
    public static String format(Map<String, Double> values) {
        return values.entrySet().stream()
                .map(e -> e.getKey() + " " + String.format(java.util.Locale.ROOT, "%.4g", e.getValue()))
                .collect(Collectors.joining("  "));
    }

    private static final class Lines extends Progress {
        private final PrintStream out;
        private final String task;
        private final long total;
        private final long start;
        private final long startNanos = System.nanoTime();

        Lines(String task, long start, long total, PrintStream out) {
            this.task = task;
            this.start = start;
            this.total = total;
            this.out = out;
        }

        @Override
        public void update(long done, Map<String, Double> values, boolean log) {
            if (log) {
                double elapsed = (System.nanoTime() - startNanos) / 1e9;
                double rate = (done - start) / Math.max(elapsed, 1e-9);
                long eta = Math.round((total - done) / Math.max(rate, 1e-9));
                out.printf("%s %d/%d  %s  ETA %dm%02ds%n", task, done, total, format(values), eta / 60, eta % 60);
            }
        }
    }
}
