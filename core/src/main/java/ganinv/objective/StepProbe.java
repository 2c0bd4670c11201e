package ganinv.objective;

import java.util.function.Consumer;

/**
 * Named moments inside a training step where a benchmark may look at memory (bench train's
 * breakdown): just before each backward pass, when everything autograd keeps for it is alive, and
 * around R1's input-gradient graph. Nothing happens unless someone listens; one listener at a time.
 */
public final class StepProbe {
    /** Before D's backward pass: D's (and R1's) graph is complete. */
    public static final String BACKWARD_D = "backward D";
    /** Before the backward pass of G (and E, where it learns with G). */
    public static final String BACKWARD_G = "backward G";
    /** Before R1's input-gradient graph is built; {@link #R1_BUILT} after. */
    public static final String R1_START = "R1 start";
    public static final String R1_BUILT = "R1 built";

    private static volatile Consumer<String> listener;

    private StepProbe() {
    }

    /** Calls {@code l} at every point until the returned handle is closed. */
    public static AutoCloseable listen(Consumer<String> l) {
        listener = l;
        return () -> listener = null;
    }

    static void at(String point) {
        Consumer<String> l = listener;
        if (l != null) {
            l.accept(point);
        }
    }
}
