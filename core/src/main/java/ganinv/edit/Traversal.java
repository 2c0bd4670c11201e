package ganinv.edit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ganinv.invert.Decode;
import ganinv.objective.GanMethod;
import ganinv.random.Rng;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Traversal of the most important latent elements (the DLSGAN paper's Figure 17): for each
 * element, the same code with that element set to evenly spaced values from −range to +range.
 * Pure: codes in, images out; the command does the file work.
 */
public final class Traversal {
    /** Latents drawn to rank elements of methods without a scale. */
    static final int RANKING_SAMPLES = 256;

    /**
     * Elements by importance, most important first.
     *
     * @param rankedBy "latent scale s" or "variance of E(G(z)) over 256 samples"
     * @param scores one per latent element, in element order
     */
    public record Ranking(String rankedBy, double[] scores, int[] order) {
        public int[] top(int k) {
            return Arrays.copyOf(order, Math.min(k, order.length));
        }
    }

    private Traversal() {
    }

    /**
     * Ranks latent elements: by the latent scale s where the method has one (larger s, more
     * informative), otherwise by how much the encoder's output varies over generated images.
     */
    public static Ranking rank(GanMethod method, NDManager manager, long seed) {
        int d = method.net().latentDim();
        try (NDManager scope = manager.newSubManager()) {
            var s = method.latentScale(scope);
            double[] scores = new double[d];
            String by;
            if (s.isPresent()) {
                for (int i = 0; i < d; i++) {
                    scores[i] = s.get()[i];
                }
                by = "latent scale s";
            } else {
                NDArray z = scope.create(method.prior().sample(new Rng(seed), RANKING_SAMPLES, d),
                        new Shape(RANKING_SAMPLES, d));
                NDArray codes = method.encode(method.generate(z));                           // [256, d]
                NDArray centred = codes.sub(codes.mean(new int[] {0}));
                float[] variance = centred.square().mean(new int[] {0}).toFloatArray();   // [d]
                for (int i = 0; i < d; i++) {
                    scores[i] = variance[i];
                }
                by = "variance of E(G(z)) over " + RANKING_SAMPLES + " samples";
            }
            int[] order = IntStream.range(0, d).boxed()
                    .sorted(Comparator.comparingDouble((Integer i) -> -scores[i]).thenComparing(i -> i))
                    .mapToInt(Integer::intValue).toArray();
            return new Ranking(by, scores, order);
        }
    }

    /** The values an element takes: {@code steps} evenly spaced from −range to +range. */
    public static float[] values(double range, int steps) {
        float[] v = new float[steps];
        for (int j = 0; j < steps; j++) {
            v[j] = (float) (steps == 1 ? 0 : -range + 2 * range * j / (steps - 1));
        }
        return v;
    }

    /**
     * Images of {@code base} [d] with each of {@code elements} set in turn to each of the values:
     * row r, column j is element {@code elements[r]} at {@code values[j]}; 8-bit [C, R, R] each.
     */
    public static List<byte[]> render(GanMethod method, NDManager manager, float[] base, int[] elements, float[] values) {
        int d = base.length;
        float[] codes = new float[elements.length * values.length * d];
        for (int r = 0; r < elements.length; r++) {
            for (int j = 0; j < values.length; j++) {
                int at = (r * values.length + j) * d;
                System.arraycopy(base, 0, codes, at, d);
                codes[at + elements[r]] = values[j];
            }
        }
        return Decode.images(method, manager, codes, 64);
    }
}
