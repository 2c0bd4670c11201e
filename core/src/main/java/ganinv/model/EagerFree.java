package ganinv.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import java.util.function.UnaryOperator;

/**
 * Frees a piece of work's arrays as soon as the work is done, instead of when the step's scope
 * closes. libtorch keeps what autograd needs by its own references, so closing the Java handle of
 * an intermediate array in engine-owned memory never changes a value or a gradient: it only lets
 * the memory go when autograd no longer holds it either, as PyTorch frees a tensor when its last
 * reference goes. An array made over Java memory is the exception (its buffer dies with the
 * handle), which is why work freed here takes Java data through {@link HostData}.
 * Without this a step's every intermediate (each layer's output, the temporaries inside a layer,
 * R1's per-layer graph, the D step's whole graph during the G step) lived until the step ended:
 * peak memory 1.3-3.2x PyTorch's for the same step (docs/performance.md).
 *
 * <p>How: the work runs in a sub-scope of its input's manager, with the input attached to it for
 * the while ({@code tempAttach}), so every array the work creates lands there; what the work
 * returns, and what it pushed on a {@link Tape}, is moved out, and the sub-scope is closed.
 *
 * <p>{@link #enabled(boolean) Disabled}, every method here just runs the work and frees nothing:
 * the old, scope-end behaviour, kept so that a test can show both compute the same bits.
 */
public final class EagerFree {
    private static volatile boolean enabled = true;

    private EagerFree() {
    }

    /** Frees early (true, the default) or at scope end (false): for tests that compare the two. */
    public static void enabled(boolean on) {
        enabled = on;
    }

    public static boolean enabled() {
        return enabled;
    }

    /**
     * {@code layer(in)}, its temporaries closed when it returns; {@code in} stays open (the caller's).
     * Arrays it pushes on {@code tape} are kept, and closed by the tape's reader when popped.
     */
    public static NDArray apply(NDArray in, UnaryOperator<NDArray> layer, Tape tape) {
        if (!enabled) {
            return layer.apply(in);
        }
        NDManager outer = in.getManager();
        int before = tape.size();
        NDManager previous = tape.releaseInto(null);
        try (NDManager scope = outer.newSubManager()) {
            in.tempAttach(scope);
            tape.releaseInto(scope);
            NDArray out = layer.apply(in);
            tape.adoptSince(before, scope, outer, in);
            if (out != in && out.getManager() == scope) {
                out.attach(outer);
            }
            return out;
        } finally {
            tape.releaseInto(previous);
        }
    }

    /** {@link #apply} without a tape. */
    public static NDArray apply(NDArray in, UnaryOperator<NDArray> layer) {
        return apply(in, layer, Tape.OFF);
    }

    /**
     * As {@link #apply}, then closes {@code in} too: for the output of the previous layer of a chain,
     * which nothing reads after this layer (unless a tape keeps it, or it is the output itself).
     */
    public static NDArray consume(NDArray in, UnaryOperator<NDArray> layer, Tape tape) {
        NDArray out = apply(in, layer, tape);
        if (enabled && out != in && !tape.holds(in)) {
            in.close();
        }
        return out;
    }

    /** {@link #consume} without a tape. */
    public static NDArray consume(NDArray in, UnaryOperator<NDArray> layer) {
        return consume(in, layer, Tape.OFF);
    }

    /** Closes an array nothing reads any more (its values live on in autograd where needed). */
    public static void close(NDArray done) {
        if (enabled) {
            done.close();
        }
    }

    /**
     * Runs a phase of a step (a network's forward, loss and backward) in a sub-scope of {@code outer}
     * that is closed when the phase ends: its whole graph goes before the next phase starts. The
     * phase must create its arrays in the scope it is given, or from the {@code borrowed} arrays,
     * which are attached to that scope for the while. What it returns is moved to {@code outer}.
     */
    public static NDArray phase(NDManager outer, PhaseWork work, NDArray... borrowed) {
        if (!enabled) {
            return work.run(outer);
        }
        try (NDManager scope = outer.newSubManager()) {
            for (NDArray b : borrowed) {
                b.tempAttach(scope);
            }
            NDArray out = work.run(scope);
            if (out != null && out.getManager() == scope) {
                out.attach(outer);
            }
            return out;
        }
    }

    /** A phase's work: creates its arrays in {@code scope}, returns the one array the step keeps, or null. */
    @FunctionalInterface
    public interface PhaseWork {
        NDArray run(NDManager scope);
    }

    /** {@link #phase} for work that keeps nothing. */
    public static void phase(NDManager outer, Runnable work, NDArray... borrowed) {
        phase(outer, scope -> {
            work.run();
            return null;
        }, borrowed);
    }
}
