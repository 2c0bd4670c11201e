package ganinv.train;

import ganinv.api.types.NonFinitePolicy;
import ganinv.UserError;

/**
 * How a training phase protects the work on disk; settings of the process, not of the experiment,
 * so they are not saved in the run's config and may differ between a run and its resume.
 *
 * @param keepCheckpoints how many of the newest checkpoints to keep (at least 1)
 * @param onNonFinite what to do when a loss term or a weight stops being finite
 * @param onCollapse what to do when D wins outright early in GAN training (fitting an encoder has no D)
 */
public record Safety(int keepCheckpoints, NonFinitePolicy onNonFinite, CollapseGuard onCollapse) {
    /** Three checkpoints kept; stop at the first non-finite value; restart a collapsed start. */
    public static final Safety DEFAULT = new Safety(3, NonFinitePolicy.STOP);

    /** With the default collapse guard. */
    public Safety(int keepCheckpoints, NonFinitePolicy onNonFinite) {
        this(keepCheckpoints, onNonFinite, CollapseGuard.DEFAULT);
    }

    public Safety {
        java.util.Objects.requireNonNull(onCollapse, "onCollapse");
        if (keepCheckpoints < 1) {
            throw new UserError("--keep-checkpoints " + keepCheckpoints
                    + ": must be at least 1 (the newest checkpoint is what --resume needs)");
        }
    }
}
