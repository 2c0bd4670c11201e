package ganinv.cli;

import ganinv.train.Progress;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.time.Duration;
import java.util.Map;

/**
 * The command line's live progress bar (with ETA and the latest losses), plugged into the core
 * as a {@link Progress.Display} service; the core prints plain lines when it is absent.
 */
public final class TerminalProgress implements Progress.Display {

    @Override
    public Progress open(String task, long start, long total) {
        ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).startsFrom(start, Duration.ZERO)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).continuousUpdate().build();
        return new Progress() {
            @Override
            public void update(long done, Map<String, Double> values, boolean log) {
                bar.stepTo(done);
                bar.setExtraMessage(format(values));
            }

            @Override
            public void close() {
                bar.close();
            }
        };
    }
}
