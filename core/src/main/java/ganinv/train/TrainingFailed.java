package ganinv.train;

/**
 * A training that ran and failed: every start collapsed, or a loss or weight stopped being finite.
 * Not a mistake in the input, so not a {@link ganinv.UserError}; the message says what happened at
 * which step, what is kept, and what to try.
 */
public final class TrainingFailed extends RuntimeException {
    public TrainingFailed(String message) {
        super(message);
    }
}
