package ganinv;

import java.io.IOException;

/**
 * A file or folder that ganinv must read or write and the system refused: a full disk, missing
 * permissions, a path under a regular file. Not a bug in ganinv, and nothing the user typed was
 * wrong as such, but the user is the one who can fix it: one line naming the path and the
 * system's reason, exit code 2. Internal I/O faults (a stream ganinv made itself) stay
 * unchecked exceptions and are reported as internal errors.
 */
public final class FileAccessError extends UserError {
    /**
     * @param what names the path and what was being done, e.g. "cannot write runs/a/config.json"
     * @param cause the system's refusal; its first line is appended in brackets
     */
    public FileAccessError(String what, IOException cause) {
        super(what + " (" + reason(cause) + ")", cause);
    }

    private static String reason(IOException e) {
        String m = e.getMessage();
        String first = m == null ? "" : m.lines().findFirst().orElse("");
        // NoSuchFileException and friends carry only the path; the class names the reason.
        return first.isBlank() || !first.contains(" ") ? e.getClass().getSimpleName() + (first.isBlank() ? "" : ": " + first)
                : first;
    }
}
