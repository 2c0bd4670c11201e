package ganinv.api;

import ganinv.api.types.GanInvException;


/**
 * A file or folder the system refused to read or write: a full disk, missing permissions, a
 * path under a regular file. Nothing the caller passed was wrong as such, but the caller is the
 * one who can fix it; the message names the path and the system's reason in one line.
 */
public class FileAccessException extends GanInvException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message one line naming the path, what was being done and the system's reason
     * @param cause the system's refusal
     */
    public FileAccessException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * @param what the path and what was being done, e.g. "cannot write runs/a/report.html"
     * @param cause the system's refusal; its reason is appended in brackets
     * @return the exception
     */
    public static FileAccessException of(String what, java.io.IOException cause) {
        return new FileAccessException(new ganinv.FileAccessError(what, cause).getMessage(), cause);
    }
}
