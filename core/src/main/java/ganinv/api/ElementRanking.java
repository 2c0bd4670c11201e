package ganinv.api;

import java.util.Arrays;

/**
 * Latent elements ordered by importance, as {@code ganinv traverse} ranks them. Immutable: the
 * arrays are copied in and out, and equality compares their contents.
 *
 * @param rankedBy "latent scale s" (DLSGAN) or "variance of E(G(z)) over 256 samples"
 * @param scores one score per latent element, in element order, [d]
 * @param order element indices, most important first, [d]
 */
public record ElementRanking(String rankedBy, double[] scores, int[] order) {
    /**
     * @param rankedBy as above
     * @param scores as above
     * @param order as above
     */
    public ElementRanking {
        scores = scores.clone();
        order = order.clone();
    }

    /** @return a copy of the scores, [d] */
    @Override
    public double[] scores() {
        return scores.clone();
    }

    /** @return a copy of the order, [d] */
    @Override
    public int[] order() {
        return order.clone();
    }

    /**
     * @param k how many elements
     * @return the {@code k} most important element indices (fewer when d &lt; k)
     */
    public int[] top(int k) {
        return Arrays.copyOf(order, Math.min(Math.max(k, 0), order.length));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ElementRanking r && rankedBy.equals(r.rankedBy) && Arrays.equals(scores, r.scores)
                && Arrays.equals(order, r.order);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rankedBy.hashCode() + Arrays.hashCode(scores)) + Arrays.hashCode(order);
    }

    @Override
    public String toString() {
        return "ElementRanking[by " + rankedBy + ", order " + Arrays.toString(order) + "]";
    }
}
