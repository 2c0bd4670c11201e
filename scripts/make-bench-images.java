import ganinv.data.ImageCodec;
import ganinv.data.ShapesDataset;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark images for ganinv prepare: built-in shapes upscaled to side x side, in class subfolders,
 * as PNG or JPEG, with optional per-pixel noise. Run from the repository root after a build:
 *   java -cp "cli/target/ganinv.jar:cli/target/lib/*" scripts/make-bench-images.java OUT COUNT SIDE png|jpg NOISE
 */
public class GenImages {
    public static void main(String[] a) throws Exception {
        Path out = Path.of(a[0]);
        int count = Integer.parseInt(a[1]);
        int side = Integer.parseInt(a[2]);
        String fmt = a[3];
        int noise = Integer.parseInt(a[4]);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        int per = 1000;
        for (int from = 0; from < count; from += per) {
            int f0 = from;
            pool.submit(() -> {
                ShapesDataset shapes = new ShapesDataset(f0, per, 64, 3);
                Random r = new Random(f0);
                for (int i = 0; i < per && f0 + i < count; i++) {
                    BufferedImage small = ImageCodec.toImage(shapes.pixels(i), 3, 64, 64);
                    BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
                    var g = img.createGraphics();
                    g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                    g.drawImage(small, 0, 0, side, side, null);
                    g.dispose();
                    if (noise > 0) {
                        for (int y = 0; y < side; y++) {
                            for (int x = 0; x < side; x++) {
                                int rgb = img.getRGB(x, y);
                                int rr = clamp(((rgb >> 16) & 255) + r.nextInt(2 * noise + 1) - noise);
                                int gg = clamp(((rgb >> 8) & 255) + r.nextInt(2 * noise + 1) - noise);
                                int bb = clamp((rgb & 255) + r.nextInt(2 * noise + 1) - noise);
                                img.setRGB(x, y, (rr << 16) | (gg << 8) | bb);
                            }
                        }
                    }
                    Path p = out.resolve(ShapesDataset.CLASSES.get(shapes.label(i))).resolve(String.format("%07d.%s", f0 + i, fmt));
                    try {
                        Files.createDirectories(p.getParent());
                        ImageIO.write(img, fmt.equals("jpg") ? "jpeg" : "png", p.toFile());
                    } catch (Exception e) {
                        throw new RuntimeException(e);
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.DAYS);
    }

    static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
