package ganinv.train;

import ai.djl.ndarray.NDManager;
import ganinv.UserError;
import ganinv.objective.EncoderFit;
import ganinv.objective.GanMethod;
import ganinv.objective.Methods;
import ganinv.objective.PlainGan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A finished (or paused) run loaded for use: its config and its networks at the newest
 * checkpoint, plus, for a {@code gan} run, the encoder fitted to that generator if there is one.
 */
public final class TrainedRun implements AutoCloseable {
    private final RunDir dir;
    private final TrainConfig config;
    private final NDManager manager;
    private final GanMethod method;
    private final long step;
    private String missingEncoder;

    private TrainedRun(RunDir dir, TrainConfig config, NDManager manager, GanMethod method, long step) {
        this.dir = dir;
        this.config = config;
        this.manager = manager;
        this.method = method;
        this.step = step;
    }

    public static TrainedRun load(Path root) {
        TrainedRun run = loadGeneratorOnly(root);
        try {
            if (run.method instanceof PlainGan gan) {
                run.attachFittedEncoder(gan);
            }
            return run;
        } catch (RuntimeException e) {
            run.close();
            throw e;
        }
    }

    /** The step of the run's newest checkpoint, without building its networks. */
    public static long newestStep(Path root) {
        return Checkpoint.read(Loop.newest(RunDir.existing(root))).header().step();
    }

    /** The run's own networks only; a fitted encoder is left on disk (fitting a new one needs no old one). */
    static TrainedRun loadGeneratorOnly(Path root) {
        RunDir dir = RunDir.existing(root);
        TrainConfig config = dir.readConfig();
        Checkpoint ckpt = Checkpoint.read(Loop.newest(dir));
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

    private void attachFittedEncoder(PlainGan gan) {
        Path folder = dir.root().resolve(EncoderFitter.FOLDER);
        Optional<Path> newest;
        try {
            newest = Checkpoint.newest(folder.resolve("checkpoints"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String fix = "./ganinv fit-encoder --run " + dir.root();
        if (newest.isEmpty()) {
            missingEncoder = "--run " + dir.root() + ": a gan run has no encoder until one is fitted; run '" + fix + "'";
            return;
        }
        FitConfig fit = RunDir.existing(folder).readConfig(FitConfig.class);
        if (fit.generatorStep() != step) {
            missingEncoder = "--run " + dir.root() + ": its encoder was fitted to the generator at step "
                    + fit.generatorStep() + " but the run is now at step " + step + "; run '" + fix + " --force'";
            return;
        }
        EncoderFit encoder = new EncoderFit(method.networks().get("G"), config.net(), config.prior(), fit.pixelWeight(),
                fit.learningRate(), fit.beta1(), fit.beta2(), manager);
        Checkpoint.read(newest.get()).restoreInto(encoder);
        gan.attachEncoder(encoder.encoder());
    }

    /** Fails with the fix when the run cannot invert: a gan run whose encoder is missing or stale. */
    public void requireEncoder() {
        if (!method.hasEncoder()) {
            throw new UserError(missingEncoder);
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
