package ganinv.serve;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** A bounded number of requests doing one kind of work at once; the others wait their turn up to 30 s, then get 503. */
final class Turns {
    private final Semaphore slots;
    private final String busy;

    /** @param busy the 503's message, e.g. "too many requests at once" */
    Turns(int slots, String busy) {
        this.slots = new Semaphore(slots, true);
        this.busy = busy;
    }

    /** Waits for a slot; release it with {@link #release} in a finally block. */
    void acquire() {
        try {
            if (!slots.tryAcquire(30, TimeUnit.SECONDS)) {
                throw new HttpError(503, "busy: " + busy + "; try again");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HttpError(503, "interrupted");
        }
    }

    void release() {
        slots.release();
    }
}
