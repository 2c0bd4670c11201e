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
 * Fits an encoder to a run's frozen generator, as {@code ganinv fit-encoder} does, into the run's
 * {@code encoder/} folder; from then on the run inverts with it unless told
 * {@link ganinv.api.types.EncoderChoice#TRAINED}. By default it fits to real images (the run's
 * training data, or {@link #data}): w_pix·‖G(E(x)) − x‖²/(C·R·R) + w_feat·(D's trunk-feature
 * distance) + w_lat·‖z − E(G(z))‖²/d on generated pairs + w_prior·‖E(x)‖²/d, starting from a copy of the run's own
 * encoder (DLSGAN: D's trunk and latent head; D itself is untouched), or for a gan run from fresh
 * weights after {@link #warmupSteps} steps on pairs. {@link #pairsOnly} fits a gan run's encoder
 * from pairs (G(z), z) alone: ‖z − E(G(z))‖²/d + w_pix·‖G(E(x)) − x‖²/(C·R·R). One setter per flag
 * with the flag's default; {@link #run()} checks them before anything is written. Not thread-safe.
 */
public final class EncoderFit {
    /** Fitting steps unless told: 2000 pixel-loss steps of 32 images take 2.5 minutes at 32 px on 2 cores. */
    public static final int DEFAULT_STEPS = 2000;
    /** Weight of ‖E(x)‖²/d unless told: it keeps the codes' power near the prior's 1 (docs/encoder.md). */
    public static final double DEFAULT_PRIOR_WEIGHT = 0.01;
    private final Path run;
    private final boolean resume;
    private boolean stepsGiven;
    private int steps = DEFAULT_STEPS;
    private int batch = 32;
    private boolean pairsOnly;
    private String data;
    private Double pixelWeight;
    private double featureWeight = 0;
    private double latentWeight = 0;
    private double priorWeight = DEFAULT_PRIOR_WEIGHT;
    private int warmupSteps = 500;
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
        Guard.require(run != null, "run: null; name the folder 'ganinv train' made");
        this.run = run;
        this.resume = resume;
    }

    /**
     * @param run a run folder (a pairs-only fit needs one made with {@link Method#GAN})
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

    /** Total fitting steps; default {@value #DEFAULT_STEPS}.
     * @param value the setting
     * @return this fit */
    public EncoderFit steps(int value) {
        steps = value;
        stepsGiven = true;
        return this;
    }

    /** Images per step (real ones, and as many generated); default 32.
     * @param value the setting
     * @return this fit */
    public EncoderFit batch(int value) {
        batch = value;
        return this;
    }

    /** Weight w_pix of the pixel term; default 1 (a pairs-only fit: 0, left out).
     * @param value the setting
     * @return this fit */
    public EncoderFit pixelWeight(double value) {
        pixelWeight = value;
        return this;
    }

    /** Fit from generated pairs (G(z), z) alone, as before real-image fits existed; gan runs only; default false.
     * @param value the setting
     * @return this fit */
    public EncoderFit pairsOnly(boolean value) {
        pairsOnly = value;
        return this;
    }

    /** The real images to fit to, as {@code --data} names them; default null: the run's training data.
     * @param value the setting
     * @return this fit */
    public EncoderFit data(String value) {
        data = value;
        return this;
    }

    /** Weight w_feat of D's trunk-feature distance; default 0 (it gained nothing measured for 1.8x the time per step).
     * @param value the setting
     * @return this fit */
    public EncoderFit featureWeight(double value) {
        featureWeight = value;
        return this;
    }

    /** Weight w_lat of the latent regression on generated pairs; default 0 (it cost PSNR and 2.4x the time per step).
     * @param value the setting
     * @return this fit */
    public EncoderFit latentWeight(double value) {
        latentWeight = value;
        return this;
    }

    /** Weight w_prior of the codes' ‖E(x)‖²/d, which keeps them in the prior's range; default {@value #DEFAULT_PRIOR_WEIGHT}.
     * @param value the setting
     * @return this fit */
    public EncoderFit priorWeight(double value) {
        priorWeight = value;
        return this;
    }

    /** Steps on pairs alone before the real images, for a gan run (which has no encoder to start from); default 500.
     * @param value the setting
     * @return this fit */
    public EncoderFit warmupSteps(int value) {
        warmupSteps = value;
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

    /** Seed of a fresh E's weights, the batch order and the latents; default 0.
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
     * @return where the fit stands, the latent error on 256 held-out latents and (real-image fits)
     *         the reconstruction PSNR on 256 of the images, before and after
     * @throws BadInputException for a pairs-only fit of a run that trains its own encoder, a fit in
     *                           the way (without force) or none to resume, and invalid settings
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
                if (pairsOnly && data != null) {
                    throw new UserError("--data " + data + ": a --pairs-only fit reads no images; drop one of the two");
                }
                ganinv.train.TrainConfig trained = RunDir.existing(run).readConfig();
                String images = pairsOnly ? null : data != null ? data : trained.data();
                double pixel = pixelWeight != null ? pixelWeight : pairsOnly ? 0 : 1;
                int warmup = images != null && trained.method() == Method.GAN ? warmupSteps : 0;   // the others start from their E
                config = new FitConfig(TrainedRun.newestStep(run), images, steps, warmup, batch,
                        pixel, featureWeight, latentWeight, priorWeight, lr, beta1, beta2, seed, logEvery, sampleEvery, checkpointEvery);
            }
            EncoderFitter.Summary s = EncoderFitter.run(new EncoderFitter.Request(config, run, resume, force, safety, log, on));
            return new EncoderFitResult(folder, s.step(), s.seconds(), s.heldOutErrorBefore(), s.heldOutError(),
                    s.reconstructionPsnrBefore(), s.reconstructionPsnr(), s.checkpoint(), s.samples());
        });
    }
}
