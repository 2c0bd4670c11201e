package ganinv.train;

import java.nio.file.Path;

/**
 * A training phase stopped by SIGINT or SIGTERM after writing its checkpoint: not an error, but
 * nothing after the loop (summaries, final samples) may run as if the phase had finished.
 */
public final class Interrupted extends RuntimeException {
    /** The conventional exit code of a process ended by SIGINT (128 + 2). */
    public static final int EXIT_CODE = 130;

    public Interrupted(long step, Path checkpoint) {
        super("interrupted: step " + step + " saved to " + checkpoint + "; continue with --resume");
    }
}
