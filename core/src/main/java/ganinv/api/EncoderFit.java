package ganinv.api;

import ganinv.api.types.BadInputException;
import ganinv.api.types.Method;
import ganinv.api.types.NonFinitePolicy;
import ganinv.UserError;
import ganinv.train.EncoderFitter;
import ganinv.train.FitConfig;
import ganinv.train.NonFinite;
import ganinv.train.RunDir;
import ganinv.train.Safety;
import ganinv.train.TrainedRun;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fits an encoder to the frozen generator of a {@code --method gan} run, as {@code ganinv
 * fit-encoder} does: loss ‖z − E(G(z))‖²/d + w·‖G(E(x)) − x‖²/(C·R·R) on generated pairs, written
 * to the run's {@code encoder/} folder, after which every inversion mode works. One setter per
 * flag with the flag's default; {@link #run()} checks them before anything is written. Not
 * thread-safe.
 */
public final class EncoderFit {
    private final Path run;
    private final boolean resume;
    private boolean stepsGiven;
    private int steps = 2000;
    private int batch = 32;
    private double pixelWeight = 0;
    private double lr = 0.001;
    private double beta1 = 0.9;
    private double beta2 = 0.999;
    private long seed = 0;
    private int logEvery = 50;
    private int sampleEvery = 500;
    private int checkpointEvery = 500;
    private int keepCheckpoints = 3;
    private NonFinitePolicy onNonFinite = NonFinitePolicy.STOP;
    private boolean force;
    private PrintStream log = Training.silent();
    private String device = "cpu";

    private EncoderFit(Path run, boolean resume) {
        Guard.require(run != null, "run: null; name the folder 'ganinv train --method gan' made");
        this.run = run;
        this.resume = resume;
    }

    /**
     * @param run a run folder made with {@link Method#GAN}
     * @return a new fit with {@code fit-encoder}'s defaults
     */
    public static EncoderFit builder(Path run) {
        return new EncoderFit(run, false);
    }

    /**
     * @param run a run whose encoder fit was started
     * @return the fit continued from its newest checkpoint with its saved settings (only
     *         {@link #steps} may change)
     */
    public static EncoderFit resume(Path run) {
        return new EncoderFit(run, true);
    }

    /** Total fitting steps; default 2000.
     * @param value the setting
     * @return this fit */
    public EncoderFit steps(int value) {
        steps = value;
        stepsGiven = true;
        return this;
    }

    /** Generated images per step; default 32.
     * @param value the setting
     * @return this fit */
    public EncoderFit batch(int value) {
        batch = value;
        return this;
    }

    /** Weight w of the pixel term; default 0 (left out).
     * @param value the setting
     * @return this fit */
    public EncoderFit pixelWeight(double value) {
        pixelWeight = value;
        return this;
    }

    /** Adam's learning rate; default 0.001.
     * @param value the setting
     * @return this fit */
    public EncoderFit lr(double value) {
        lr = value;
        return this;
    }

    /** Adam's beta1; default 0.9.
     * @param value the setting
     * @return this fit */
    public EncoderFit beta1(double value) {
        beta1 = value;
        return this;
    }

    /** Adam's beta2; default 0.999.
     * @param value the setting
     * @return this fit */
    public EncoderFit beta2(double value) {
        beta2 = value;
        return this;
    }

    /** Seed of E's weights and the latents; default 0.
     * @param value the setting
     * @return this fit */
    public EncoderFit seed(long value) {
        seed = value;
        return this;
    }

    /** Steps per metrics line; default 50.
     * @param value the setting
     * @return this fit */
    public EncoderFit logEvery(int value) {
        logEvery = value;
        return this;
    }

    /** Steps per sample grid; default 500.
     * @param value the setting
     * @return this fit */
    public EncoderFit sampleEvery(int value) {
        sampleEvery = value;
        return this;
    }

    /** Steps per checkpoint; default 500.
     * @param value the setting
     * @return this fit */
    public EncoderFit checkpointEvery(int value) {
        checkpointEvery = value;
        return this;
    }

    /** Newest checkpoints kept; default 3.
     * @param value the setting
     * @return this fit */
    public EncoderFit keepCheckpoints(int value) {
        keepCheckpoints = value;
        return this;
    }

    /** What to do when a loss or weight stops being finite; default stop.
     * @param value the setting
     * @return this fit */
    public EncoderFit onNonFinite(NonFinitePolicy value) {
        Guard.require(value != null, "onNonFinite: null");
        onNonFinite = value;
        return this;
    }

    /** Replace an encoder already fitted; default false.
     * @param value the setting
     * @return this fit */
    public EncoderFit force(boolean value) {
        force = value;
        return this;
    }

    /** Where the progress lines go; default nowhere.
     * @param value the setting
     * @return this fit */
    public EncoderFit log(PrintStream value) {
        log = value == null ? Training.silent() : value;
        return this;
    }

    /** Where the generator and the encoder live: cpu, gpu or gpu:N; default cpu.
     * @param value the setting
     * @return this fit */
    public EncoderFit device(String value) {
        Guard.require(value != null, "device: null");
        device = value;
        return this;
    }

    /**
     * Fits (or continues fitting) to the step count.
     *
     * @return where the fit stands and the latent error on 256 held-out latents before and after
     * @throws BadInputException for a run of another method, a fit in the way (without force) or
     *                           none to resume, and invalid settings
     */
    public EncoderFitResult run() {
        return Guard.call(() -> {
            ai.djl.Device on = ganinv.model.Devices.parse(device);
            Safety safety = new Safety(keepCheckpoints, onNonFinite);
            Path folder = run.resolve(EncoderFitter.FOLDER);
            boolean fitted = Files.exists(folder.resolve("config.json")) || Files.exists(folder.resolve("checkpoints"));
            FitConfig config;
            if (resume) {
                if (!fitted) {
                    throw new UserError("--resume: " + run + " has no encoder fit to resume; drop --resume to start one");
                }
                config = RunDir.existing(folder).readConfig(FitConfig.class);
                if (stepsGiven) {
                    config = config.withSteps(steps);
                }
            } else {
                if (fitted && !force) {
                    throw new UserError("--run " + run + ": already has a fitted encoder in " + folder
                            + "; pass --resume to continue fitting it or --force to fit a new one");
                }
                config = new FitConfig(TrainedRun.newestStep(run), steps, batch, pixelWeight, lr, beta1, beta2, seed,
                        logEvery, sampleEvery, checkpointEvery);
            }
            EncoderFitter.Summary s = EncoderFitter.run(config, run, resume, force, safety, log, on);
            return new EncoderFitResult(folder, s.step(), s.seconds(), s.heldOutErrorBefore(), s.heldOutError(),
                    s.checkpoint(), s.samples());
        });
    }
}
