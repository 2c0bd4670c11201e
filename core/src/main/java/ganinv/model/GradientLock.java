package ganinv.model;

import java.util.concurrent.locks.ReentrantLock;

/**
 * The engine records one gradient graph at a time per process ("A PtGradientCollector is already
 * collecting" otherwise). Every recorder takes this lock: a training step, an encoder-fitting
 * step, a latent optimisation, a classifier's training. Training takes it per step, so a hybrid
 * inversion in the same JVM waits at most one step, not the whole training.
 */
public final class GradientLock {
    /** The one lock of the JVM. */
    public static final ReentrantLock JVM = new ReentrantLock();

    private GradientLock() {
    }
}
