package ganinv.model;

import ai.djl.ndarray.NDArray;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a traced forward pass of D keeps for building ∇ₓD later ({@link GradLayer}): a stack, so
 * that walking the layers backwards pops each layer's own entries in reverse order. Only the
 * first {@link #rows} rows of a batch are kept: the D step runs [real; fake] as one batch and
 * penalises the real rows alone.
 */
public final class Tape {
    /** A tape that keeps nothing: the plain forward pass. */
    public static final Tape OFF = new Tape(0, false);

    private final long rows;
    private final boolean recording;
    private final Deque<Object> saved = new ArrayDeque<>();

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
            saved.push(entry);
        }
    }

    /** The last entry pushed and not yet popped, as the type its layer pushed. */
    @SuppressWarnings("unchecked")
    public <T> T pop() {
        return (T) saved.pop();
    }

    /** Whether every entry was consumed: a walk that leaves some behind visited the wrong layers. */
    public boolean empty() {
        return saved.isEmpty();
    }
}
