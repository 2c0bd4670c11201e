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
     * The most pixels a header may claim for the CLI and the library; {@code serve} and Spark set
     * their own. 100 megapixels: every camera photo, and a decoded image of at most 400 MB.
     */
    public static final long DEFAULT_MAX_PIXELS = 100_000_000L;

    /**
     * Decodes {@code file} and fits it to {@code channels} x {@code resolution}^2.
     *
     * @return 8-bit pixels in [C, H, W]
     * @throws UserError naming the file when it is missing, empty or not a decodable image
     */
    public static byte[] read(Path file, int channels, int resolution) {
        return read(file, channels, resolution, DEFAULT_MAX_PIXELS);
    }

    /** As {@link #read(Path, int, int)}, refusing headers that claim more than {@code maxPixels}. */
    public static byte[] read(Path file, int channels, int resolution, long maxPixels) {
        return fit(decode(file, maxPixels), channels, resolution);
    }

    /** Decodes a PNG/JPEG file, or fails with one line naming it. */
    public static BufferedImage decode(Path file) {
        return decode(file, DEFAULT_MAX_PIXELS);
    }

    /** Decodes a PNG/JPEG file of at most {@code maxPixels} (checked from its header), or fails with one line naming it. */
    public static BufferedImage decode(Path file, long maxPixels) {
        try {
            if (Files.size(file) == 0) {
                throw new UserError(file + ": empty file (0 bytes); replace or remove it");
            }
        } catch (IOException e) {
            throw new UserError(file + ": not a readable PNG/JPEG (" + reason(e) + ")", e);
        }
        return decode(file.toFile(), file.toString(), maxPixels);
    }

    /**
     * Decodes a PNG/JPEG file's bytes exactly as {@link #decode(Path)} decodes the file, for bytes
     * that come from elsewhere (a Spark binaryFile row, an upload).
     *
     * @param name the file's name or path, for the message
     */
    public static BufferedImage decode(byte[] content, String name) {
        return decode(content, name, DEFAULT_MAX_PIXELS);
    }

    /** As {@link #decode(byte[], String)}, refusing headers that claim more than {@code maxPixels}. */
    public static BufferedImage decode(byte[] content, String name, long maxPixels) {
        if (content.length == 0) {
            throw new UserError(name + ": empty file (0 bytes); replace or remove it");
        }
        return decode(new java.io.ByteArrayInputStream(content), name, maxPixels);
    }

    /** @param source a File or an InputStream, as ImageIO.createImageInputStream takes */
    private static BufferedImage decode(Object source, String file, long maxPixels) {
        BufferedImage image;
        try {
            image = readBounded(source, file, maxPixels);
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

    /**
     * ImageIO's read, after checking the size the header claims: a 261 KB PNG can claim 16384^2
     * pixels of zeros, and decoding it would take gigabytes.
     */
    private static BufferedImage readBounded(Object source, String file, long maxPixels) throws IOException {
        try (javax.imageio.stream.ImageInputStream in = ImageIO.createImageInputStream(source)) {
            java.util.Iterator<javax.imageio.ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return null;
            }
            javax.imageio.ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > maxPixels) {
                    throw new TooLarge(file + ": " + reader.getWidth(0) + "x" + reader.getHeight(0) + " = " + pixels
                            + " pixels, more than the limit of " + maxPixels + " (--max-pixels); shrink the image or raise the limit");
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

    /** An image whose header claims more pixels than the caller allows. */
    public static final class TooLarge extends UserError {
        TooLarge(String message) {
            super(message);
        }
    }

    /**
     * Centre-crops, resizes and converts a decoded image; result in [C, H, W]. Reads the image a
     * row at a time, so a large photo costs its decoded raster and little more.
     */
    public static byte[] fit(BufferedImage image, int channels, int resolution) {
        int w = image.getWidth();
        int h = image.getHeight();
        int side = Math.min(w, h);
        int x0 = (w - side) / 2;
        int y0 = (h - side) / 2;
        boolean gray = isGray(image);
        int shift = image.getColorModel().getComponentSize(0) - 8;
        int planes = channels == 3 ? 3 : 1;
        AreaResize.Rows rows = new AreaResize.Rows(planes, side, side, resolution, resolution);
        int[] argb = new int[side];
        float[] row = new float[planes * side];
        for (int y = 0; y < side; y++) {
            if (gray) {
                image.getRaster().getSamples(x0, y0 + y, side, 1, 0, argb);
            } else {
                image.getRGB(x0, y0 + y, side, 1, argb, 0, side);
            }
            for (int x = 0; x < side; x++) {
                int r;
                int g;
                int b;
                if (gray) {
                    r = ((shift > 0 ? argb[x] >> shift : argb[x]) & 0xff);
                    g = r;
                    b = r;
                } else {
                    r = (argb[x] >> 16) & 0xff;
                    g = (argb[x] >> 8) & 0xff;
                    b = argb[x] & 0xff;
                }
                if (planes == 3) {
                    row[x] = r;
                    row[side + x] = g;
                    row[2 * side + x] = b;
                } else {
                    row[x] = 0.299f * r + 0.587f * g + 0.114f * b;
                }
            }
            rows.add(y, row);
        }
        return toBytes(rows.finish(), channels, resolution);
    }

    /** Gray images are read from their raster: getRGB would pass them through a colour-space conversion that changes the values. */
    private static boolean isGray(BufferedImage image) {
        return image.getColorModel().getColorSpace().getType() == java.awt.color.ColorSpace.TYPE_GRAY
                && image.getRaster().getNumBands() <= 2;
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
        boolean gray = isGray(image);
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
        return toBytes(resized, channels, resolution);
    }

    /** Resized values [1 or C, R, R] rounded to 8 bits [C, R, R]; one plane is replicated. */
    private static byte[] toBytes(float[] resized, int channels, int resolution) {
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
