package ganinv.api;

import java.util.Map;

/**
 * A live display of long work (training, fitting, preparing) for an application on a terminal,
 * registered as a {@link java.util.ServiceLoader} service under this interface's name. Without
 * one, or when stdout is not a terminal, ganinv prints plain periodic lines, so that logs and CI
 * never fill with carriage returns and the library depends on no terminal library.
 */
public interface ProgressDisplay {
    /** One display, from open to close. */
    interface Bar extends AutoCloseable {
        /**
         * @param done units finished (steps, images)
         * @param values the latest figures to show beside the bar, by name (losses, images/s)
         */
        void update(long done, Map<String, Double> values);

        @Override
        void close();
    }

    /**
     * @param task what is running ("train", "fit-encoder", ...)
     * @param start units already done (a resumed run's step)
     * @param total units when it ends
     * @return the display, or null to leave this task to plain lines
     */
    Bar open(String task, long start, long total);

    /**
     * @param values figures by name
     * @return them as "name 1.234  other 5.678", as the plain lines print them
     */
    static String format(Map<String, Double> values) {
        return ganinv.train.Progress.format(values);
    }
}
