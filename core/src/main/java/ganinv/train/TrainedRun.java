package ganinv.train;

import ganinv.checkpoint.Checkpoint;
import ai.djl.ndarray.NDManager;
import ganinv.FileAccessError;
import ganinv.UserError;
import ganinv.objective.EncoderFit;
import ganinv.objective.GanMethod;
import ganinv.objective.Methods;
import ganinv.objective.FittedEncoder;
import ganinv.api.types.EncoderChoice;
import java.nio.file.Files;

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
    private EncoderChoice inUse;
    private String staleFit;
    /** The fitted encoder last loaded, kept so that switching back and forth loads it once. */
    private FittedEncoder loadedFit;
    private Path loadedFrom;
    private NDManager loadedManager;

    private TrainedRun(RunDir dir, TrainConfig config, NDManager manager, GanMethod method, long step) {
        this.dir = dir;
        this.config = config;
        this.manager = manager;
        this.method = method;
        this.step = step;
        this.inUse = method.hasTrainedEncoder() ? EncoderChoice.TRAINED : null;
    }

    /** The step of the run's newest checkpoint, without building its networks. */
    public static long newestStep(Path root) {
        return Checkpoint.read(Loop.newest(RunDir.existing(root))).header().step();
    }

    /**
     * The run's own networks, encoding with the encoder trained with G until {@link #chooseEncoder}
     * picks another: sampling or refitting never depends on a fitted encoder.
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
     * Chooses the encoder {@code encode} runs: {@link EncoderChoice#FITTED} the one in the run's
     * {@code encoder/} folder, {@link EncoderChoice#TRAINED} the one trained with G, null the fitted
     * one when there is one fitted to this generator, else the trained one. Asking for an encoder the
     * run does not have is a user error with the fix.
     */
    public synchronized void chooseEncoder(EncoderChoice choice) {
        Optional<Path> fitted = newestFitted();
        if (choice == EncoderChoice.TRAINED && !method.hasTrainedEncoder()) {
            throw new UserError("--encoder trained: a gan run trains no encoder; use the fitted one (--encoder fitted)");
        }
        if (choice == EncoderChoice.FITTED && fitted.isEmpty()) {
            throw new UserError("--encoder fitted: " + dir.root() + " has no fitted encoder; run './ganinv fit-encoder --run "
                    + dir.root() + "'");
        }
        String stale = fitted.isEmpty() ? null : staleness();
        if (choice == EncoderChoice.FITTED && stale != null) {
            throw new UserError(staleness("--encoder fitted") + (method.hasTrainedEncoder() ? ", or use --encoder trained" : ""));
        }
        if (choice == null && stale != null && method.hasTrainedEncoder()) {
            System.err.println("warning: " + stale + "; using the encoder trained with G");
        }
        boolean useFitted = choice == EncoderChoice.FITTED || choice == null && fitted.isPresent() && stale == null;
        method.useEncoder(useFitted ? loadFitted(fitted.get()) : null);   // loaded once per checkpoint
        inUse = useFitted ? EncoderChoice.FITTED : method.hasTrainedEncoder() ? EncoderChoice.TRAINED : null;
        staleFit = useFitted ? null : stale;
    }

    /**
     * Makes sure the run can invert, and fails with the fix when it cannot: a gan run without an
     * encoder fitted to its current generator. Readers of a loaded run call it concurrently.
     */
    public synchronized void requireEncoder() {
        if (inUse == null) {
            throw new UserError(staleFit != null ? staleFit : "--run " + dir.root()
                    + ": a gan run has no encoder until one is fitted; run './ganinv fit-encoder --run " + dir.root() + "'");
        }
    }

    /** The encoder {@code encode} runs, or null when the run cannot invert. */
    public synchronized EncoderChoice encoderInUse() {
        return inUse;
    }

    /** Whether the run has an encoder fitted to its current generator. */
    public boolean hasFittedEncoder() {
        return newestFitted().isPresent() && staleness() == null;
    }

    private Optional<Path> newestFitted() {
        Path checkpoints = dir.root().resolve(EncoderFitter.FOLDER).resolve("checkpoints");
        try {
            return Files.isDirectory(checkpoints) ? Checkpoint.newest(checkpoints) : Optional.empty();
        } catch (IOException e) {
            throw new FileAccessError("cannot list " + checkpoints, e);
        }
    }

    /** Why the fitted encoder no longer matches G, or null when it does. */
    private String staleness() {
        return staleness("--run " + dir.root());
    }

    private String staleness(String flag) {
        FitConfig fit = fitConfig();
        return fit.generatorStep() == step ? null : flag + ": the encoder of " + dir.root() + " was fitted to the generator at step "
                + fit.generatorStep() + " but the run is now at step " + step + "; run './ganinv fit-encoder --run "
                + dir.root() + " --force'";
    }

    private FitConfig fitConfig() {
        return RunDir.existing(dir.root().resolve(EncoderFitter.FOLDER)).readConfig(FitConfig.class);
    }

    private FittedEncoder loadFitted(Path checkpoint) {
        if (checkpoint.equals(loadedFrom)) {
            return loadedFit;
        }
        FitConfig fit = fitConfig();
        NDManager own = manager.newSubManager();   // freed with the encoder when a newer fit replaces it
        try (ganinv.model.NoGrad noGrad = new ganinv.model.NoGrad()) {
            EncoderFit encoder = new EncoderFit(method, method.encoderCopy(own), new EncoderFit.Weights(0, 0, 0),
                    new double[] {fit.learningRate(), fit.beta1(), fit.beta2()}, own);
            Checkpoint.read(checkpoint).restoreInto(encoder);
            if (loadedManager != null) {
                loadedManager.close();
            }
            loadedFit = encoder.encoder();
            loadedFrom = checkpoint;
            loadedManager = own;
            return loadedFit;
        } catch (RuntimeException e) {
            own.close();
            throw e;
        }
    }

    /**
     * Copies config.json, the checkpoint this run was loaded from and, when it inverts with the
     * fitted encoder, that encoder's newest checkpoint (with its config) into {@code target}, a new
     * folder: the least that loads the same networks, and opens with the same encoder by default.
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
            Optional<Path> encoder = inUse == EncoderChoice.FITTED ? newestFitted() : Optional.empty();
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
