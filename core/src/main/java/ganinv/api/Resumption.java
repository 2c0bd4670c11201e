package ganinv.api;

import ganinv.api.types.BadInputException;
import ganinv.api.types.CollapsePolicy;
import ganinv.api.types.NonFinitePolicy;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * A run continued from its newest checkpoint ({@link Training#resume}): it trains with the settings
 * its config.json holds, and only the settings that may change mid-run can be set here. A change to
 * the steps, the learning rate or a cadence is saved in config.json's config, so later resumes keep
 * it, and recorded under {@code resume_changes} with the step it took effect at and the value it
 * replaced; the safety settings (checkpoints kept, the non-finite and collapse policies) hold for
 * this start only and are recorded whenever given; the device is never recorded. What fixes the run
 * (method, network, data, seed, batch, the method's own weights) cannot change: train a new run for
 * that. A learning rate given after a non-finite rollback is still halved by the rollbacks so far.
 */
public final class Resumption {
    /** The {@code ganinv train} flags that take effect with {@code --resume}. */
    public static final List<String> FLAGS = List.of("--steps", "--lr", "--log-every", "--sample-every",
            "--checkpoint-every", "--keep-checkpoints", "--on-nonfinite", "--on-collapse", "--device");

    private final TrainingBuilder settings;

    Resumption(Path out) {
        this.settings = new TrainingBuilder(out, true);
    }

    /** {@code --steps}: the total to continue to.
     * @param value the setting
     * @return this resumption */
    public Resumption steps(int value) {
        settings.steps(value);
        return this;
    }

    /** {@code --lr}: Adam's step size from now on (after a non-finite stop, a lower one).
     * @param value the setting
     * @return this resumption */
    public Resumption lr(double value) {
        settings.lr(value);
        return this;
    }

    /** {@code --log-every}: steps per metrics line.
     * @param value the setting
     * @return this resumption */
    public Resumption logEvery(int value) {
        settings.logEvery(value);
        return this;
    }

    /** {@code --sample-every}: steps per sample grid.
     * @param value the setting
     * @return this resumption */
    public Resumption sampleEvery(int value) {
        settings.sampleEvery(value);
        return this;
    }

    /** {@code --checkpoint-every}: steps per checkpoint.
     * @param value the setting
     * @return this resumption */
    public Resumption checkpointEvery(int value) {
        settings.checkpointEvery(value);
        return this;
    }

    /** {@code --keep-checkpoints}: newest checkpoints kept.
     * @param value the setting
     * @return this resumption */
    public Resumption keepCheckpoints(int value) {
        settings.keepCheckpoints(value);
        return this;
    }

    /** {@code --on-nonfinite}: stop or rollback.
     * @param value the setting
     * @return this resumption */
    public Resumption onNonFinite(NonFinitePolicy value) {
        settings.onNonFinite(value);
        return this;
    }

    /** {@code --on-collapse}: restart, stop or off.
     * @param value the setting
     * @return this resumption */
    public Resumption onCollapse(CollapsePolicy value) {
        settings.onCollapse(value);
        return this;
    }

    /** {@code --device}: cpu, gpu or gpu:N.
     * @param value the setting
     * @return this resumption */
    public Resumption device(String value) {
        settings.device(value);
        return this;
    }

    /** @param value told every {@code logEvery} steps, or null
     * @return this resumption */
    public Resumption listener(TrainingListener value) {
        settings.listener(value);
        return this;
    }

    /** @param value where the progress bar and the loop's messages go; default: nowhere
     * @return this resumption */
    public Resumption log(PrintStream value) {
        settings.log(value);
        return this;
    }

    /** Continues the run to its step count.
     * @return where the run stands
     * @throws BadInputException for an invalid setting, unreadable data or no run to resume */
    public TrainingResult run() {
        return settings.build().run();
    }
}
