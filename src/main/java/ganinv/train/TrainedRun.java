package ganinv.train;

import ai.djl.ndarray.NDManager;
import ganinv.objective.GanMethod;
import ganinv.objective.Methods;

import java.nio.file.Path;

/** A finished (or paused) run loaded for use: its config and its networks at the newest checkpoint. */
public final class TrainedRun implements AutoCloseable {
    private final RunDir dir;
    private final TrainConfig config;
    private final NDManager manager;
    private final GanMethod method;
    private final long step;

    private TrainedRun(RunDir dir, TrainConfig config, NDManager manager, GanMethod method, long step) {
        this.dir = dir;
        this.config = config;
        this.manager = manager;
        this.method = method;
        this.step = step;
    }

    public static TrainedRun load(Path root) {
        RunDir dir = RunDir.existing(root);
        TrainConfig config = dir.readConfig();
        Checkpoint ckpt = Checkpoint.read(Trainer.newest(dir));
        NDManager manager = NDManager.newBaseManager();
        try {
            GanMethod method = Methods.create(config.method(), config.net(), config.prior(), config.options(), manager);
            ckpt.restoreInto(method);
            return new TrainedRun(dir, config, manager, method, ckpt.header().step());
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    public RunDir dir() {
        return dir;
    }

    public TrainConfig config() {
        return config;
    }

    public GanMethod method() {
        return method;
    }

    /** The long-lived manager the networks live in; make short-lived arrays in sub-managers. */
    public NDManager manager() {
        return manager;
    }

    public long step() {
        return step;
    }

    @Override
    public void close() {
        manager.close();
    }
}
