package ganinv.api;

import java.util.Map;

/** Told about a training run every {@code logEvery} steps, on the training thread. */
@FunctionalInterface
public interface TrainingListener {
    /**
     * Called right after the interval's line is appended to metrics.jsonl.
     *
     * @param step steps done so far
     * @param steps the step count the run trains to
     * @param metrics the line's values: each loss term averaged over the interval, images_per_s,
     *                seconds (since this phase started) and rss_mib (unmodifiable)
     */
    void interval(long step, long steps, Map<String, Double> metrics);
}
