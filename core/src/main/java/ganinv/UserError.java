package ganinv;

/**
 * A mistake in what the user asked for or gave us (a bad file, a bad flag). The CLI prints
 * its message as one line and exits with code 2, never with a stack trace, so the message must
 * name the file or flag and say how to fix it.
 */
public class UserError extends RuntimeException {
    public UserError(String message) {
        super(message);
    }

    public UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
