package ganinv.data;


import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

/** Tiles equally sized images into one PNG, row-major, with a thin gap so tiles stay distinct. */
public final class ImageGrid {
    private static final int GAP = 2;

    private ImageGrid() {
    }

    /**
     * @param images 8-bit [C, H, W] each
     * @param columns tiles per row
     * @param scale integer magnification (nearest), so 32-pixel images are visible on a screen
     */
    public static BufferedImage compose(List<byte[]> images, int channels, int height, int width, int columns, int scale) {
        return composeImages(images.stream().map(p -> ImageCodec.toImage(p, channels, height, width)).toList(), columns, scale);
    }

    /** As {@link #compose}, from tiles that are already images (all of one size). */
    public static BufferedImage composeImages(List<BufferedImage> tiles, int columns, int scale) {
        int rows = (tiles.size() + columns - 1) / columns;
        int tw = tiles.get(0).getWidth() * scale;
        int th = tiles.get(0).getHeight() * scale;
        BufferedImage grid = new BufferedImage(columns * (tw + GAP) + GAP, rows * (th + GAP) + GAP, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = grid.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, grid.getWidth(), grid.getHeight());
        for (int i = 0; i < tiles.size(); i++) {
            g.drawImage(tiles.get(i), GAP + (i % columns) * (tw + GAP), GAP + (i / columns) * (th + GAP), tw, th, null);
        }
        g.dispose();
        return grid;
    }

    public static void write(List<byte[]> images, int channels, int resolution, int columns, Path file) {
        ImageCodec.writePng(compose(images, channels, resolution, resolution, columns, scale(resolution)), file);
    }

    /** As {@link #write}, from tiles that are already images. */
    public static void writeImages(List<BufferedImage> tiles, int columns, Path file) {
        ImageCodec.writePng(composeImages(tiles, columns, scale(tiles.get(0).getHeight())), file);
    }

    /** Integer magnification, so that 32-pixel tiles are visible on a screen. */
    public static int scale(int resolution) {
        return Math.max(1, 64 / resolution);
    }
}
