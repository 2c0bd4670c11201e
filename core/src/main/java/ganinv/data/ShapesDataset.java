package ganinv.data;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The built-in procedural set: one circle, square or triangle per image, with random centre,
 * size, rotation (square, triangle) and bright colour on a random dark background.
 *
 * <p>Image {@code i} depends only on (seed, i), so any index can be drawn in any order and the
 * set needs no storage and no download. Edges are anti-aliased by 4x4 supersampling.
 */
public final class ShapesDataset implements Dataset {
    public static final List<String> CLASSES = List.of("circle", "square", "triangle");
    private static final int SUPERSAMPLE = 4;

    private final long seed;
    private final long count;
    private final int resolution;
    private final int channels;

    /**
     * @param count number of images, or {@link Dataset#INFINITE}
     * @param resolution 16, 32 or 64
     */
    public ShapesDataset(long seed, long count, int resolution, int channels) {
        if (resolution != 16 && resolution != 32 && resolution != 64) {
            throw new ganinv.UserError("--resolution " + resolution + ": the shapes set comes in 16, 32 or 64");
        }
        this.seed = seed;
        this.count = count;
        this.resolution = resolution;
        this.channels = channels;
    }

    /** The latent factors of one image: what a user may probe for or edit along. */
    public record Factors(int shape, double centreX, double centreY, double size, double rotation,
                          float[] colour, float[] background) {
    }

    public Factors factors(long index) {
        SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        float[] background = {rng.nextFloat() * 0.25f, rng.nextFloat() * 0.25f, rng.nextFloat() * 0.25f};
        int shape = rng.nextInt(3);
        double cx = 0.3 + 0.4 * rng.nextDouble();
        double cy = 0.3 + 0.4 * rng.nextDouble();
        double size = 0.15 + 0.17 * rng.nextDouble();
        double rotation = shape == 0 ? 0 : rng.nextDouble() * 2 * Math.PI;
        float[] colour = {0.4f + 0.6f * rng.nextFloat(), 0.4f + 0.6f * rng.nextFloat(), 0.4f + 0.6f * rng.nextFloat()};
        return new Factors(shape, cx, cy, size, rotation, colour, background);
    }

    @Override
    public byte[] pixels(long index) {
        checkIndex(index);
        Factors f = factors(index);
        int r = resolution;
        float[] planes = new float[3 * r * r];
        double[][] polygon = polygon(f);
        for (int y = 0; y < r; y++) {
            for (int x = 0; x < r; x++) {
                int inside = 0;
                for (int sy = 0; sy < SUPERSAMPLE; sy++) {
                    for (int sx = 0; sx < SUPERSAMPLE; sx++) {
                        double px = (x + (sx + 0.5) / SUPERSAMPLE) / r;
                        double py = (y + (sy + 0.5) / SUPERSAMPLE) / r;
                        if (contains(f, polygon, px, py)) {
                            inside++;
                        }
                    }
                }
                float cover = inside / (float) (SUPERSAMPLE * SUPERSAMPLE);
                for (int c = 0; c < 3; c++) {
                    planes[c * r * r + y * r + x] = 255f * (cover * f.colour[c] + (1 - cover) * f.background[c]);
                }
            }
        }
        return ImageCodec.fitPlanes(planes, 3, r, channels, r);
    }

    /** Vertices of the square or triangle (circumradius = size), or null for a circle. */
    private static double[][] polygon(Factors f) {
        if (f.shape == 0) {
            return null;
        }
        int n = f.shape == 1 ? 4 : 3;
        double[][] vertices = new double[n][];
        for (int k = 0; k < n; k++) {
            double a = f.rotation + 2 * Math.PI * k / n;
            vertices[k] = new double[] {f.centreX + f.size * Math.cos(a), f.centreY + f.size * Math.sin(a)};
        }
        return vertices;
    }

    private static boolean contains(Factors f, double[][] polygon, double x, double y) {
        if (polygon == null) {
            double dx = x - f.centreX;
            double dy = y - f.centreY;
            // Radius sqrt(0.8)·size: a circle about as large as the square of the same size.
            return dx * dx + dy * dy <= f.size * f.size * 0.8;
        }
        // Vertices go counter-clockwise, so inside means left of (or on) every edge.
        for (int k = 0; k < polygon.length; k++) {
            double[] a = polygon[k];
            double[] b = polygon[(k + 1) % polygon.length];
            if ((b[0] - a[0]) * (y - a[1]) - (b[1] - a[1]) * (x - a[0]) < 0) {
                return false;
            }
        }
        return true;
    }

    private void checkIndex(long index) {
        if (index < 0 || (count != INFINITE && index >= count)) {
            throw new IndexOutOfBoundsException("shapes index " + index + " outside [0, " + count + ")");
        }
    }

    @Override
    public int label(long index) {
        checkIndex(index);
        return factors(index).shape;
    }

    @Override
    public long size() {
        return count;
    }

    @Override
    public int channels() {
        return channels;
    }

    @Override
    public int resolution() {
        return resolution;
    }

    @Override
    public List<String> classNames() {
        return CLASSES;
    }

    @Override
    public String describe() {
        return "shapes (procedural, seed " + seed + ", " + (count == INFINITE ? "infinite" : count + " images")
                + ", " + resolution + "x" + resolution + ")";
    }
}
