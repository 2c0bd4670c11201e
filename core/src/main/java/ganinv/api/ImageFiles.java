package ganinv.api;

import ganinv.api.types.BadInputException;
import ganinv.data.ImageCodec;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

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

    /**
     * Writes an image as a PNG file, creating parent folders, as every ganinv command writes them.
     *
     * @param image the image
     * @param file where to write it
     * @throws FileAccessException when the system refuses the file
     */
    public static void writePng(BufferedImage image, Path file) {
        Guard.require(image != null && file != null, "writePng: image and file are needed");
        Guard.run(() -> ImageCodec.writePng(image, file));
    }

    /**
     * Writes tiles as one grid PNG (white 2-pixel gaps, magnified by an integer so that small
     * tiles are at least 64 pixels tall), as ganinv's sample, traversal and inversion grids.
     *
     * @param tiles images of one size, row-major
     * @param columns tiles per row
     * @param file where to write it
     * @throws FileAccessException when the system refuses the file
     */
    public static void writeGrid(List<BufferedImage> tiles, int columns, Path file) {
        Guard.require(tiles != null && !tiles.isEmpty() && tiles.stream().allMatch(java.util.Objects::nonNull),
                "grid: no tiles, or a null tile");
        Guard.require(columns >= 1, "grid: columns " + columns + ": must be at least 1");
        Guard.require(file != null, "grid: file: null");
        Guard.run(() -> ganinv.data.ImageGrid.writeImages(tiles, columns, file));
    }

    /**
     * The grid {@link #writeGrid} writes, as an image.
     *
     * @param tiles images of one size, row-major
     * @param columns tiles per row
     * @return the grid
     */
    public static BufferedImage grid(List<BufferedImage> tiles, int columns) {
        Guard.require(tiles != null && !tiles.isEmpty() && tiles.stream().allMatch(java.util.Objects::nonNull),
                "grid: no tiles, or a null tile");
        Guard.require(columns >= 1, "grid: columns " + columns + ": must be at least 1");
        return Guard.call(() -> ganinv.data.ImageGrid.composeImages(tiles, columns,
                ganinv.data.ImageGrid.scale(tiles.get(0).getHeight())));
    }

    /**
     * Decodes an image file as every ganinv command reads one, refusing headers that claim more
     * than {@code maxPixels} pixels before decoding.
     *
     * @param file a PNG or JPEG file
     * @param maxPixels the largest width × height accepted
     * @return the image, in its own size and colour model
     * @throws BadInputException naming the file when it cannot be read
     */
    public static BufferedImage read(Path file, long maxPixels) {
        Guard.require(file != null, "file: null");
        return Guard.call(() -> ImageCodec.decode(file, maxPixels));
    }

    /**
     * Writes images of the built-in shapes set as PNG files named {@code CLASS-NN.png} (circle,
     * square or triangle, then the index): the demo's held-out examples.
     *
     * @param folder where to write them
     * @param seed the set's seed (image i depends only on the seed and i)
     * @param count how many, at most 100
     * @param resolution 16, 32 or 64
     * @throws FileAccessException when the system refuses a file
     */
    public static void writeShapes(Path folder, long seed, int count, int resolution) {
        Guard.require(folder != null && count >= 1 && count <= 100, "shapes: a folder and 1 to 100 images are needed");
        Guard.run(() -> {
            ganinv.data.ShapesDataset shapes = new ganinv.data.ShapesDataset(seed, count, resolution, 3);
            for (int i = 0; i < count; i++) {
                ImageCodec.writePng(shapes.pixels(i), 3, resolution, resolution, folder.resolve(String.format("%s-%02d.png",
                        ganinv.data.ShapesDataset.CLASSES.get(shapes.label(i)), i)));
            }
        });
    }
}
