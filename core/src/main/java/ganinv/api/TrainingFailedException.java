package ganinv.api;

import ganinv.api.types.GanInvException;


/**
 * A training that ran and failed: every start collapsed (D won outright early on, each time), or a
 * loss or weight stopped being finite. The input was valid; the message says at which step, what
 * was kept (samples, the last good checkpoint) and what to try.
 */
public class TrainingFailedException extends GanInvException {
    private static final long serialVersionUID = 1L;

    /** The exit code a command line gives for it: not 2 (a mistake in the input), not 1 (a crash). */
    public static final int EXIT_CODE = 3;

    /**
     * @param message one line: what failed, at which step, and what to try
     * @param cause the internal failure
     */
    public TrainingFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
