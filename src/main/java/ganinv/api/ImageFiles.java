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
     * (the same readers, the same refusal of empty files and of headers that claim more than 2²⁸
     * pixels).
     *
     * @param content the file's bytes
     * @param name the file's name or path, used in the message
     * @return the decoded image, in its own size and colour model
     * @throws BadInputException one line naming the file when it cannot be decoded
     */
    public static BufferedImage decode(byte[] content, String name) {
        Guard.require(content != null, name + ": no content (null)");
        return Guard.call(() -> ImageCodec.decode(content, name));
    }
}
