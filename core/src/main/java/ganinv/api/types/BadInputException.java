package ganinv.api.types;

/**
 * A mistake in what the caller passed: a folder without images, a code of the wrong length, a
 * run folder that is not a run, a setting out of range, a file that is not an image. (A path the
 * system refused to read or write is a {@code FileAccessException} of {@code ganinv.api}.) The message is the same one line the command line prints for the same mistake (it may
 * name the command-line flag that corresponds to the setting), and says how to fix it.
 */
public class BadInputException extends GanInvException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message one line naming the input and the fix
     * @param cause the internal error it translates, or null
     */
    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
