package ganinv.api;

import ganinv.api.types.BadInputException;


/**
 * An image whose header claims more pixels than the caller's limit; refused before a pixel is
 * decoded, since a few hundred kilobytes of PNG can claim gigabytes of raster.
 */
public class ImageTooLargeException extends BadInputException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message one line naming the file, its size and the limit
     * @param cause the internal error it translates, or null
     */
    public ImageTooLargeException(String message, Throwable cause) {
        super(message, cause);
    }
}
