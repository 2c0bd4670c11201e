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
        if (e instanceof java.nio.file.FileSystemException f) {
            // NoSuchFileException and friends carry the path as their message; the reason is the class or getReason().
            return f.getReason() != null ? f.getReason() : e.getClass().getSimpleName();
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}
