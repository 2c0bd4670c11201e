package ganinv.api;

/**
 * Told how far a long call is. Called on the caller's thread, between units of work, so it
 * should return quickly; throwing from it aborts the call.
 */
@FunctionalInterface
public interface ProgressListener {
    /**
     * @param done units finished: images for the encoder, Adam steps (summed over batches and
     *             starts) for optimisation and hybrid inversion
     * @param total units the call will do in all, fixed when it starts
     */
    void progress(long done, long total);
}
