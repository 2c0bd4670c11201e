package ganinv.api;

/**
 * Latent elements ordered by importance, as {@code ganinv traverse} ranks them.
 *
 * @param rankedBy "latent scale s" (DLSGAN) or "variance of E(G(z)) over 256 samples"
 * @param scores one score per latent element, in element order, [d]
 * @param order element indices, most important first, [d]
 */
public record ElementRanking(String rankedBy, double[] scores, int[] order) {
    /**
     * @param k how many elements
     * @return the {@code k} most important element indices (fewer when d &lt; k)
     */
    public int[] top(int k) {
        return java.util.Arrays.copyOf(order, Math.min(Math.max(k, 0), order.length));
    }
}
