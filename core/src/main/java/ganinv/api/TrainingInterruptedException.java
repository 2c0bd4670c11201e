package ganinv.api;

import ganinv.api.types.GanInvException;


/**
 * A training or encoder fit stopped by SIGINT or SIGTERM after saving a checkpoint; the message
 * says where it stopped and how to continue ({@code resume}).
 */
public class TrainingInterruptedException extends GanInvException {
    private static final long serialVersionUID = 1L;

    /** The exit code a command line gives for it, as for any process ended by SIGINT. */
    public static final int EXIT_CODE = 130;

    /**
     * @param message one line: the step saved and how to continue
     * @param cause the internal signal
     */
    public TrainingInterruptedException(String message, Throwable cause) {
        super(message, cause);
    }
}
