package ganinv.train;

import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * How code inside ganinv (the Spark-facing sub-package of the API) reaches the loaded run behind
 * a public {@code GanRun} without the API exposing an internal type. {@code GanRun} installs the
 * accessor when its class is initialised, which has happened by the time anyone holds one.
 */
public final class RunAccess {
    private static volatile BiFunction<Object, Function<TrainedRun, ?>, ?> accessor;

    private RunAccess() {
    }

    /** Called once, by {@code GanRun}'s static initialiser. */
    public static void install(BiFunction<Object, Function<TrainedRun, ?>, ?> value) {
        accessor = value;
    }

    /** {@code body} on the run behind {@code ganRun}, with that run to itself (as {@code GanRun} runs its own work). */
    @SuppressWarnings("unchecked")
    public static <T> T withRun(Object ganRun, Function<TrainedRun, T> body) {
        return (T) accessor.apply(ganRun, (Function<TrainedRun, ?>) (Function<TrainedRun, ?>) body);
    }
}
