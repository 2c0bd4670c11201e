package ganinv.invert;

/**
 * Told how far an inversion is: units done out of a total fixed at the start (images for the
 * encoder; Adam steps times starts times batches for optimisation). Called on the inverting thread.
 */
@FunctionalInterface
public interface InversionProgress {
    /** Reports nothing. */
    InversionProgress NONE = (done, total) -> { };

    void update(long done, long total);
}
