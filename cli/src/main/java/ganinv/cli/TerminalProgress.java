package ganinv.cli;

import ganinv.api.ProgressDisplay;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.time.Duration;
import java.util.Map;

/**
 * The command line's live progress bar (with ETA and the latest losses), registered as a
 * {@link ProgressDisplay} service; ganinv prints plain lines when it is absent.
 */
public final class TerminalProgress implements ProgressDisplay {

    @Override
    public Bar open(String task, long start, long total) {
        ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).startsFrom(start, Duration.ZERO)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).continuousUpdate().build();
        return new Bar() {
            @Override
            public void update(long done, Map<String, Double> values) {
                bar.stepTo(done);
                bar.setExtraMessage(ProgressDisplay.format(values));
            }

            @Override
            public void close() {
                bar.close();
            }
        };
    }
}
