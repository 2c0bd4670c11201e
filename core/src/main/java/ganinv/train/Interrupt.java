package ganinv.train;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ctrl-C (SIGINT) or SIGTERM during a training loop: the JVM runs this shutdown hook, which asks
 * the loop to stop and waits until the loop has finished its step and written a checkpoint (or
 * has left the loop), so that the process ends with nothing lost. SIGKILL cannot be caught: the
 * atomic checkpoint writes and --resume cover it.
 */
final class Interrupt implements AutoCloseable {
    /** Longest wait for the loop; a step plus a checkpoint take seconds, even on large runs. */
    private static final long WAIT_SECONDS = 120;

    private final AtomicBoolean requested = new AtomicBoolean();
    private final CountDownLatch left = new CountDownLatch(1);
    private final Thread hook;

    private Interrupt() {
        hook = new Thread(() -> {
            requested.set(true);
            try {
                left.await(WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "ganinv-interrupt");
    }

    static Interrupt install() {
        Interrupt i = new Interrupt();
        Runtime.getRuntime().addShutdownHook(i.hook);
        return i;
    }

    /** Whether the process has been asked to stop; the loop then checkpoints and leaves. */
    boolean requested() {
        return requested.get();
    }

    /** The loop has left (checkpoint written, or finished, or failed): the hook may let the JVM exit. */
    @Override
    public void close() {
        left.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: the JVM exits as soon as it returns
        }
    }
}
