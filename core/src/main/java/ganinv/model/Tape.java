package ganinv.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import java.util.ArrayList;
import java.util.List;

/**
 * What a traced forward pass of D keeps for building ∇ₓD later ({@link GradLayer}): a stack, so
 * that walking the layers backwards pops each layer's own entries in reverse order. Only the
 * first {@link #rows} rows of a batch are kept: the D step runs [real; fake] as one batch and
 * penalises the real rows alone.
 *
 * <p>Entries a layer made for the tape (masks, scaled weights, row views) are the tape's own
 * ({@link EagerFree}): popped inside a layer's scope, they are closed with it. Entries that are
 * someone else's (a weight used as stored, a layer's input) are never closed by the tape.
 */
public final class Tape {
    /** A tape that keeps nothing: the plain forward pass. */
    public static final Tape OFF = new Tape(0, false);

    private final long rows;
    private final boolean recording;
    private final List<Object> saved = new ArrayList<>();     // a stack: the last element is the top
    private final List<Boolean> own = new ArrayList<>();
    private NDManager release;

    private Tape(long rows, boolean recording) {
        this.rows = rows;
        this.recording = recording;
    }

    /** A recording tape for the first {@code rows} rows of the batch. */
    public static Tape keeping(long rows) {
        return new Tape(rows, true);
    }

    public boolean recording() {
        return recording;
    }

    /** The number of rows kept: the rows whose input gradient is built. */
    public long rows() {
        return rows;
    }

    /** The first {@link #rows} rows of a batch-first array [N, ...], or the array itself when all are kept. */
    public NDArray keptRows(NDArray batch) {
        return batch.getShape().get(0) == rows ? batch : batch.get("0:" + rows);
    }

    /** Keeps an array or a shape for the backward walk; nothing when not recording. */
    public void push(Object entry) {
        if (recording) {
            saved.add(entry);
            own.add(false);
        }
    }

    /** The last entry pushed and not yet popped, as the type its layer pushed. */
    @SuppressWarnings("unchecked")
    public <T> T pop() {
        int top = saved.size() - 1;
        Object entry = saved.remove(top);
        if (own.remove(top) && release != null) {
            ((NDArray) entry).attach(release);                                      // closed when the popping layer's scope closes
        }
        return (T) entry;
    }

    /** Whether every entry was consumed: a walk that leaves some behind visited the wrong layers. */
    public boolean empty() {
        return saved.isEmpty();
    }

    /** Entries on the tape now. */
    int size() {
        return saved.size();
    }

    /** Whether {@code a} itself is on the tape. */
    boolean holds(NDArray a) {
        for (Object e : saved) {
            if (e == a) {
                return true;
            }
        }
        return false;
    }

    /**
     * Moves the arrays pushed since entry {@code from} that live in {@code scope} to {@code outer}, and
     * makes them the tape's own; {@code input}, the layer's input, stays its owner's.
     */
    void adoptSince(int from, NDManager scope, NDManager outer, NDArray input) {
        for (int i = from; i < saved.size(); i++) {
            if (saved.get(i) instanceof NDArray a && a != input && a.getManager() == scope) {
                a.attach(outer);
                own.set(i, true);
            }
        }
    }

    /** Where popped entries of the tape's own go from now on (a layer's scope), or null; returns the previous. */
    NDManager releaseInto(NDManager scope) {
        if (!recording) {
            return null;                                                           // OFF is shared: it keeps no state
        }
        NDManager previous = release;
        release = scope;
        return previous;
    }
}
