package ganinv.train;

import ganinv.checkpoint.Checkpoint;
import ai.djl.ndarray.NDManager;
import ganinv.FileAccessError;
import ganinv.UserError;
import ganinv.objective.EncoderFit;
import ganinv.objective.GanMethod;
import ganinv.objective.Methods;
import ganinv.objective.PlainGan;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A finished (or paused) run loaded for use: its config and its networks at the newest
 * checkpoint, and on request the encoder fitted to a {@code gan} run's generator.
 */
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

    /** The step of the run's newest checkpoint, without building its networks. */
    public static long newestStep(Path root) {
        return Checkpoint.read(Loop.newest(RunDir.existing(root))).header().step();
    }

    /**
     * The run's own networks. A gan run's fitted encoder stays on disk until {@link #requireEncoder}
     * asks for it, so that sampling or refitting never depends on it.
     */
    public static TrainedRun load(Path root) {
        return load(root, ganinv.model.Devices.DEFAULT);
    }

    /** As {@link #load(Path)}, the networks on {@code device} (a checkpoint loads onto any device). */
    public static TrainedRun load(Path root, ai.djl.Device device) {
        RunDir dir = RunDir.existing(root);
        TrainConfig config = dir.readConfig();
        Checkpoint ckpt = Checkpoint.read(Loop.newest(dir));
        NDManager manager = NDManager.newBaseManager(device);
        try (ganinv.model.NoGrad noGrad = new ganinv.model.NoGrad()) {
            GanMethod method = Methods.create(config.method(), config.net(), config.prior(), config.options(), manager);
            ckpt.restoreInto(method);
            return new TrainedRun(dir, config, manager, method, ckpt.header().step());
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /**
     * Makes sure the run can invert: a gan run gets the encoder fitted to its current generator,
     * and fails with the fix when there is none or it was fitted to an older generator. Readers of a
     * loaded run call it concurrently (Spark tasks, encoder inversion): one loads, the rest see it.
     */
    public synchronized void requireEncoder() {
        if (method instanceof PlainGan gan && !gan.hasEncoder()) {
            attachFittedEncoder(gan);
        }
    }

    private void attachFittedEncoder(PlainGan gan) {
        Path folder = dir.root().resolve(EncoderFitter.FOLDER);
        Optional<Path> newest;
        try {
            newest = Checkpoint.newest(folder.resolve("checkpoints"));
        } catch (IOException e) {
            throw new FileAccessError("cannot list " + folder.resolve("checkpoints"), e);
        }
        String fix = "./ganinv fit-encoder --run " + dir.root();
        if (newest.isEmpty()) {
            throw new UserError("--run " + dir.root() + ": a gan run has no encoder until one is fitted; run '" + fix + "'");
        }
        FitConfig fit = RunDir.existing(folder).readConfig(FitConfig.class);
        if (fit.generatorStep() != step) {
            throw new UserError("--run " + dir.root() + ": its encoder was fitted to the generator at step "
                    + fit.generatorStep() + " but the run is now at step " + step + "; run '" + fix + " --force'");
        }
        EncoderFit encoder = new EncoderFit(method.sampler(), config.net(), config.prior(), fit.pixelWeight(),
                fit.learningRate(), fit.beta1(), fit.beta2(), manager);
        Checkpoint.read(newest.get()).restoreInto(encoder);
        gan.attachEncoder(encoder.encoder());
    }

    /**
     * Copies config.json, the checkpoint this run was loaded from and a fitted encoder's newest
     * checkpoint (with its config) into {@code target}, a new folder: the least that loads the
     * same networks.
     */
    public void copyEssentials(Path target) {
        if (java.nio.file.Files.exists(target)) {
            throw new UserError(target + ": already exists; give a new folder to copy the run into");
        }
        try {
            java.nio.file.Files.createDirectories(target.resolve("checkpoints"));
            java.nio.file.Files.copy(dir.root().resolve("config.json"), target.resolve("config.json"));
            Path ckpt = Loop.newest(dir);
            java.nio.file.Files.copy(ckpt, target.resolve("checkpoints").resolve(ckpt.getFileName()));
            Path fit = dir.root().resolve(EncoderFitter.FOLDER);
            Optional<Path> encoder = java.nio.file.Files.isDirectory(fit.resolve("checkpoints"))
                    ? Checkpoint.newest(fit.resolve("checkpoints")) : Optional.empty();
            if (encoder.isPresent()) {
                Path to = target.resolve(EncoderFitter.FOLDER);
                java.nio.file.Files.createDirectories(to.resolve("checkpoints"));
                java.nio.file.Files.copy(fit.resolve("config.json"), to.resolve("config.json"));
                java.nio.file.Files.copy(encoder.get(), to.resolve("checkpoints").resolve(encoder.get().getFileName()));
            }
        } catch (IOException e) {
            throw new FileAccessError("cannot copy the run " + dir.root() + " into " + target, e);
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
