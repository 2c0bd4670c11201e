package ganinv.data;

import ganinv.FileAccessError;
import ganinv.UserError;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Reads and writes PNG/JPEG files, and fits any image to a model's shape: centre crop to a
 * square, area-average resize, and conversion to gray (ITU-R 601 luma) or RGB.
 */
public final class ImageCodec {
    private ImageCodec() {
    }

    /**
     * Decodes {@code file} and fits it to {@code channels} x {@code resolution}^2.
     *
     * @return 8-bit pixels in [C, H, W]
     * @throws UserError naming the file when it is missing, empty or not a decodable image
     */
    public static byte[] read(Path file, int channels, int resolution) {
        return fit(decode(file), channels, resolution);
    }

    /** Decodes a PNG/JPEG file, or fails with one line naming it. */
    public static BufferedImage decode(Path file) {
        try {
            if (Files.size(file) == 0) {
                throw new UserError(file + ": empty file (0 bytes); replace or remove it");
            }
        } catch (IOException e) {
            throw new UserError(file + ": not a readable PNG/JPEG (" + reason(e) + ")", e);
        }
        return decode(file.toFile(), file.toString());
    }

    /**
     * Decodes a PNG/JPEG file's bytes exactly as {@link #decode(Path)} decodes the file, for bytes
     * that come from elsewhere (a Spark binaryFile row, an upload).
     *
     * @param name the file's name or path, for the message
     */
    public static BufferedImage decode(byte[] content, String name) {
        if (content.length == 0) {
            throw new UserError(name + ": empty file (0 bytes); replace or remove it");
        }
        return decode(new java.io.ByteArrayInputStream(content), name);
    }

    /** @param source a File or an InputStream, as ImageIO.createImageInputStream takes */
    private static BufferedImage decode(Object source, String file) {
        BufferedImage image;
        try {
            image = readBounded(source, file);
        } catch (IOException | RuntimeException e) {
            if (e instanceof UserError u) {
                throw u;
            }
            throw new UserError(file + ": not a readable PNG/JPEG (" + reason(e) + ")", e);
        }
        if (image == null) {
            throw new UserError(file + ": not a PNG or JPEG image");
        }
        return image;
    }

    /** Images larger than this many pixels are refused before decoding: a header is cheap to forge. */
    static final long MAX_PIXELS = 1L << 28;

    /** ImageIO's read, after checking the size the header claims (a 100000x100000 PNG of a few bytes must not exhaust the heap). */
    private static BufferedImage readBounded(Object source, String file) throws IOException {
        try (javax.imageio.stream.ImageInputStream in = ImageIO.createImageInputStream(source)) {
            java.util.Iterator<javax.imageio.ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return null;
            }
            javax.imageio.ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw new UserError(file + ": claims " + reader.getWidth(0) + "x" + reader.getHeight(0)
                            + " pixels, more than ganinv reads (" + MAX_PIXELS + "); shrink it first");
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        }
    }

    private static String reason(Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }

    /** Centre-crops, resizes and converts a decoded image; result in [C, H, W]. */
    public static byte[] fit(BufferedImage image, int channels, int resolution) {
        int w = image.getWidth();
        int h = image.getHeight();
        int side = Math.min(w, h);
        int x0 = (w - side) / 2;
        int y0 = (h - side) / 2;
        byte[] rgb = rgb8(image);
        float[] planes = new float[3 * side * side];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    planes[(c * side + y) * side + x] = rgb[(c * h + y0 + y) * w + x0 + x] & 0xff;
                }
            }
        }
        return fitPlanes(planes, 3, side, channels, resolution);
    }

    /**
     * The image's 8-bit RGB values as [3, H, W]. Gray images are read from their raster: going
     * through getRGB would pass them through a colour-space conversion that changes the values.
     */
    public static byte[] rgb8(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int plane = w * h;
        byte[] out = new byte[3 * plane];
        boolean gray = image.getColorModel().getColorSpace().getType() == java.awt.color.ColorSpace.TYPE_GRAY
                && image.getRaster().getNumBands() <= 2;
        int shift = image.getColorModel().getComponentSize(0) - 8;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                if (gray) {
                    int v = image.getRaster().getSample(x, y, 0);
                    byte b = (byte) (shift > 0 ? v >> shift : v);
                    out[i] = b;
                    out[plane + i] = b;
                    out[2 * plane + i] = b;
                } else {
                    int argb = image.getRGB(x, y);
                    out[i] = (byte) (argb >> 16);
                    out[plane + i] = (byte) (argb >> 8);
                    out[2 * plane + i] = (byte) argb;
                }
            }
        }
        return out;
    }

    /**
     * Resizes square planes [srcChannels, side, side] (values 0..255) to the model's shape and
     * converts gray to RGB (replicate) or RGB to gray (luma).
     */
    public static byte[] fitPlanes(float[] planes, int srcChannels, int side, int channels, int resolution) {
        float[] resized = srcChannels == channels || srcChannels == 1
                ? AreaResize.resize(planes, srcChannels, side, side, resolution, resolution)
                : AreaResize.resize(toGray(planes, side), 1, side, side, resolution, resolution);
        int plane = resolution * resolution;
        byte[] out = new byte[channels * plane];
        int have = resized.length / plane;
        for (int c = 0; c < channels; c++) {
            int from = have == 1 ? 0 : c;
            for (int i = 0; i < plane; i++) {
                out[c * plane + i] = (byte) Math.round(Math.max(0f, Math.min(255f, resized[from * plane + i])));
            }
        }
        return out;
    }

    private static float[] toGray(float[] rgb, int side) {
        int plane = side * side;
        float[] gray = new float[plane];
        for (int i = 0; i < plane; i++) {
            gray[i] = 0.299f * rgb[i] + 0.587f * rgb[plane + i] + 0.114f * rgb[2 * plane + i];
        }
        return gray;
    }

    /** The image as PNG file bytes. */
    public static byte[] pngBytes(BufferedImage image) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** 8-bit [C, H, W] (C = 1 or 3) to an image that ImageIO can write. */
    public static BufferedImage toImage(byte[] pixels, int channels, int height, int width) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int plane = height * width;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                int r = pixels[i] & 0xff;
                int g = channels == 3 ? pixels[plane + i] & 0xff : r;
                int b = channels == 3 ? pixels[2 * plane + i] & 0xff : r;
                image.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return image;
    }

    /** Writes 8-bit [C, H, W] as a PNG file, creating parent folders. */
    public static void writePng(byte[] pixels, int channels, int height, int width, Path file) {
        writePng(toImage(pixels, channels, height, width), file);
    }

    public static void writePng(BufferedImage image, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            if (!ImageIO.write(image, "png", file.toFile())) {
                throw new IOException("no PNG writer");
            }
        } catch (IOException e) {
            throw new FileAccessError("cannot write " + file, e);
        }
    }
}
