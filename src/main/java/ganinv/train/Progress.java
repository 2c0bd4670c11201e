package ganinv.train;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Progress of a long job: a live bar with ETA and the latest losses on an interactive terminal,
 * plain periodic lines otherwise (logs and CI must not fill with carriage returns).
 */
public final class Progress implements AutoCloseable {
    private final ProgressBar bar;
    private final PrintStream plain;
    private final String task;
    private final long total;
    private final long start;
    private final long startNanos = System.nanoTime();

    private Progress(String task, long start, long total, PrintStream out, boolean interactive) {
        this.task = task;
        this.start = start;
        this.total = total;
        this.plain = interactive ? null : out;
        this.bar = interactive
                ? new ProgressBarBuilder().setTaskName(task).setInitialMax(total).startsFrom(start, Duration.ZERO)
                        .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).continuousUpdate().build()
                : null;
    }

    /** A bar when both stdout and stdin are a terminal, plain lines otherwise. */
    public static Progress create(String task, long start, long total, PrintStream out) {
        return new Progress(task, start, total, out, System.console() != null);
    }

    /** Called every step; plain mode prints only when {@code log} is true. */
    public void update(long done, Map<String, Double> values, boolean log) {
        if (bar != null) {
            bar.stepTo(done);
            bar.setExtraMessage(format(values));
        } else if (log) {
            double elapsed = (System.nanoTime() - startNanos) / 1e9;
            double rate = (done - start) / Math.max(elapsed, 1e-9);
            long eta = Math.round((total - done) / Math.max(rate, 1e-9));
            plain.printf("%s %d/%d  %s  ETA %dm%02ds%n", task, done, total, format(values), eta / 60, eta % 60);
        }
    }

    static String format(Map<String, Double> values) {
        return values.entrySet().stream()
                .map(e -> e.getKey() + " " + String.format(java.util.Locale.ROOT, "%.4g", e.getValue()))
                .collect(Collectors.joining("  "));
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
