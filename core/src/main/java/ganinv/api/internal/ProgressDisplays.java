package ganinv.api.internal;

import ganinv.api.ProgressDisplay;
import ganinv.train.Progress;

import java.util.Map;
import java.util.ServiceLoader;

/**
 * The core's progress service, registered for {@link Progress.Display}: it hands each task to the
 * first {@link ProgressDisplay} an application registered, so that the application implements an
 * API type and the core's loop knows nothing above it. Not part of the API (the service loader
 * needs it public).
 */
public final class ProgressDisplays implements Progress.Display {
    @Override
    public Progress open(String task, long start, long total) {
        for (ProgressDisplay display : ServiceLoader.load(ProgressDisplay.class)) {
            ProgressDisplay.Bar bar = display.open(task, start, total);
            if (bar != null) {
                return new Progress() {
                    @Override
                    public void update(long done, Map<String, Double> values, boolean log) {
                        bar.update(done, values);
                    }

                    @Override
                    public void close() {
                        bar.close();
                    }
                };
            }
        }
        return null;
    }
}
