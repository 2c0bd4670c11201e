package ganinv.api.types;

/**
 * The one exception family the public API throws. Its message is a single line meant for a
 * person: it names what went wrong and, where the caller can fix it, how. An engine failure
 * never escapes as an engine type; it arrives here with the engine's exception as the cause.
 *
 * @see BadInputException the subtype for mistakes in what the caller passed
 */
public class GanInvException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message one line naming the problem
     * @param cause the underlying failure, or null
     */
    public GanInvException(String message, Throwable cause) {
        super(message, cause);
    }
}
