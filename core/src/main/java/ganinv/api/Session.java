package ganinv.api;

import ganinv.train.TrainedRun;

import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * A loaded run and the rules for using it: readers run concurrently; a call that records
 * gradients (optimisation, evaluation) has the run to itself and takes the JVM-wide gradient
 * lock; every call sees no autograd graph on its thread and has its exceptions translated.
 */
final class Session implements AutoCloseable {
    /** The engine allows one gradient recording at a time in a process; training takes it per step. */
    static final ReentrantLock GRADIENTS = ganinv.model.GradientLock.JVM;

    final TrainedRun trained;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile boolean closed;

    Session(TrainedRun trained) {
        this.trained = trained;
    }

    <T> T read(Supplier<T> body) {
        lock.readLock().lock();
        try {
            return guarded(body);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Optimisation flips the networks' gradient flags: no reader of this run, and no other recorder in the JVM. */
    <T> T exclusive(Supplier<T> body) {
        GRADIENTS.lock();
        lock.writeLock().lock();
        try {
            return guarded(body);
        } finally {
            lock.writeLock().unlock();
            GRADIENTS.unlock();
        }
    }

    private <T> T guarded(Supplier<T> body) {
        if (closed) {       // a mistake in the calling program, not in its input
            throw new IllegalStateException("run " + trained.dir().root() + ": already closed; open it again with GanRun.open");
        }
        return Guard.call(() -> {
            try (ganinv.model.NoGrad noGrad = new ganinv.model.NoGrad()) {
                return body.get();
            }
        });
    }

    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                trained.close();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }
}
