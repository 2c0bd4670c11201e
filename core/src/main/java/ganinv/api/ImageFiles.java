package ganinv.api;

import ganinv.data.ImageCodec;

import java.awt.image.BufferedImage;

/** Decoding image files the way every ganinv command reads them. */
public final class ImageFiles {
    private ImageFiles() {
    }

    /**
     * @param image any image
     * @return the image as the bytes of a PNG file
     */
    public static byte[] encodePng(BufferedImage image) {
        Guard.require(image != null, "image: null");
        return Guard.call(() -> ImageCodec.pngBytes(image));
    }

    /**
     * Decodes a PNG or JPEG file's bytes exactly as {@code ganinv invert --images} decodes the file
     * (the same readers, the same refusal of empty files and of headers that claim more than
     * {@link #DEFAULT_MAX_PIXELS} pixels).
     *
     * @param content the file's bytes
     * @param name the file's name or path, used in the message
     * @return the decoded image, in its own size and colour model
     * @throws BadInputException one line naming the file when it cannot be decoded
     */
    public static BufferedImage decode(byte[] content, String name) {
        return decode(content, name, DEFAULT_MAX_PIXELS);
    }

    /** The most pixels an image header may claim when the caller sets no limit: 100 megapixels. */
    public static final long DEFAULT_MAX_PIXELS = ImageCodec.DEFAULT_MAX_PIXELS;

    /**
     * As {@link #decode(byte[], String)} with the caller's limit, checked from the header before
     * anything is decoded (a decoded image takes up to 4 bytes per pixel).
     *
     * @param content the file's bytes
     * @param name the file's name or path, used in the message
     * @param maxPixels the most pixels (width x height) the header may claim
     * @return the decoded image, in its own size and colour model
     * @throws ImageTooLargeException when the header claims more
     */
    public static BufferedImage decode(byte[] content, String name, long maxPixels) {
        Guard.require(content != null, name + ": no content (null)");
        Guard.require(maxPixels > 0, "maxPixels " + maxPixels + ": must be positive");
        return Guard.call(() -> ImageCodec.decode(content, name, maxPixels));
    }
}
