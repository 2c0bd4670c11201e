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
        int rows = (images.size() + columns - 1) / columns;
        int tw = width * scale;
        int th = height * scale;
        BufferedImage grid = new BufferedImage(columns * (tw + GAP) + GAP, rows * (th + GAP) + GAP, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = grid.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, grid.getWidth(), grid.getHeight());
        for (int i = 0; i < images.size(); i++) {
            BufferedImage tile = ImageCodec.toImage(images.get(i), channels, height, width);
            g.drawImage(tile, GAP + (i % columns) * (tw + GAP), GAP + (i / columns) * (th + GAP), tw, th, null);
        }
        g.dispose();
        return grid;
    }

    public static void write(List<byte[]> images, int channels, int resolution, int columns, Path file) {
        int scale = Math.max(1, 64 / resolution);
        ImageCodec.writePng(compose(images, channels, resolution, resolution, columns, scale), file);
    }
}
