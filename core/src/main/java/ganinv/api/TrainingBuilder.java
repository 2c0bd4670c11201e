package ganinv.api;

import ganinv.api.types.Architecture;
import ganinv.api.types.BadInputException;
import ganinv.api.types.CollapsePolicy;
import ganinv.api.types.GeneratorOutput;
import ganinv.api.types.LatentDistribution;
import ganinv.api.types.Method;
import ganinv.api.types.NonFinitePolicy;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The settings of a {@link Training}, one setter per {@code ganinv train} flag with the flag's
 * default. A setting is checked when {@link #run()} starts, before anything is written. Not
 * thread-safe.
 */
public final class TrainingBuilder extends DlsganSettings implements Cloneable {
    final Path out;
    final boolean resume;
    /** The flags set explicitly: a method-specific one given for another method is refused. */
    Set<String> given = new LinkedHashSet<>();
    TrainingListener listener;
    PrintStream log = Training.silent();
    Method method = Recipe.METHOD;
    String data = "shapes";
    int steps = 2000;
    int batch = 16;
    Architecture arch = Recipe.ARCHITECTURE;
    int latentDim = 64;
    int resolution = 32;
    int channels = 3;
    Integer width;
    int maxWidth = 128;
    int mappingLayers = 2;
    GeneratorOutput gOutput = Recipe.G_OUTPUT;
    boolean gModulation = Recipe.G_MODULATION;
    double lambda = 1;
    boolean regressGenerator = true;
    LatentDistribution latentDist = LatentDistribution.NORMAL;
    double gEma = 0;
    Double lr;
    Double beta1;
    Double beta2;
    long seed = 0;
    long count = -1;
    int logEvery = 50;
    int sampleEvery = 500;
    int checkpointEvery = 500;
    int keepCheckpoints = 3;
    NonFinitePolicy onNonFinite = NonFinitePolicy.STOP;
    CollapsePolicy onCollapse = CollapsePolicy.RESTART;
    boolean force = false;
    String device = "cpu";

    TrainingBuilder(Path out, boolean resume) {
        Guard.require(out != null, "out: null; name the run folder to write");
        this.out = out;
        this.resume = resume;
    }

    /** {@code --method}: latent-regression, bigan, gan or dlsgan; default {@link Recipe#METHOD}.
     * @param value the setting
     * @return this builder */
    public TrainingBuilder method(Method value) {
        this.method = require(value, "method");
        return mark("--method");
    }

    /** {@code --data}: "shapes", an image folder (class subfolders give labels), an MNIST IDX file or a CIFAR-10 binary folder; default shapes.
     * @param value the setting
     * @return this builder */
    public TrainingBuilder data(String value) {
        this.data = value;
        return mark("--data");
    }

    /** {@code --steps}: total training steps; default 2000.
     * @param value the setting
     * @return this builder */
    public TrainingBuilder steps(int value) {
        this.steps = value;
        return mark("--steps");
    }

    /** {@code --batch}: images per step; default 16.
     * @param value the setting
     * @return this builder */
    public TrainingBuilder batch(int value) {
        this.batch = value;
        return mark("--batch");
    }

    /** {@code --arch}: network family, dcgan-up or stylegan2; default {@link Recipe#ARCHITECTURE}.
     * @param value the setting
     * @return this builder */
    public TrainingBuilder arch(Architecture value) {
        this.arch = require(value, "arch");
        return mark("--arch");
    }

    /** {@code --latent-dim}: latent size d; default 64.
     * @param value the setting
     * @return this builder */
    public TrainingBuilder latentDim(int value) {
        this.latentDim = value;
        return mark("--latent-dim");
    }

    /** {@code --resolution}: image side R = 4·2^k pixels; default 32.
     * @param value the setting
     * @return this builder */
    public TrainingBuilder resolution(int value) {
        this.resolution = value;
        return mark("--resolution");
    }

    /** {@code --channels}: 1 (gray) or 3 (RGB); default 3.
     * @param value the setting
     * @return this builder */
    public TrainingBuilder channels(int value) {
        this.channels = value;
        return mark("--channels");
    }

    /** {@code --width}: feature maps (dcgan-up: per layer, default 64; stylegan2: at the top resolution, default 16).
     * @param value the setting
     * @return this builder */
    public TrainingBuilder width(int value) {
        this.width = value;
        return mark("--width");
    }

    /** {@code --max-width}: stylegan2: the widest layer of the channel schedule; default 128.
     * @param value the setting
     * @return this builder */
    public TrainingBuilder maxWidth(int value) {
        this.maxWidth = value;
        return mark("--max-width");
    }

    /** {@code --mapping-layers}: stylegan2: layers of the mapping network; default 2.
     * @param value the setting
     * @return this builder */
    public TrainingBuilder mappingLayers(int value) {
        this.mappingLayers = value;
        return mark("--mapping-layers");
    }

    /** {@code --g-output}: dcgan-up: what ends G, tanh or linear; default {@link Recipe#G_OUTPUT}.
     * @param value the setting
     * @return this builder */
    public TrainingBuilder gOutput(GeneratorOutput value) {
        this.gOutput = require(value, "gOutput");
        return mark("--g-output");
    }

    /** {@code --g-modulation}: dcgan-up: whether z scales the channels of every stage of G; default {@link Recipe#G_MODULATION}.
     * @param value the setting
     * @return this builder */
    public TrainingBuilder gModulation(boolean value) {
        this.gModulation = value;
        return mark("--g-modulation");
    }

    /** {@code --lambda}: latent-regression: weight of the latent-regression term; dlsgan: lambda_enc; default 1.
     * @param value the setting
     * @return this builder */
    public TrainingBuilder lambda(double value) {
        this.lambda = value;
        return mark("--lambda");
    }

    /** {@code --regress-generator}: latent-regression: whether G also minimises the latent-regression term; default true.
     * @param value the setting
     * @return this builder */
    public TrainingBuilder regressGenerator(boolean value) {
        this.regressGenerator = value;
        return mark("--regress-generator");
    }

    /** {@code --latent-dist}: prior of z, normal or uniform; default normal.
     * @param value the setting
     * @return this builder */
    public TrainingBuilder latentDist(LatentDistribution value) {
        this.latentDist = require(value, "latentDist");
        return mark("--latent-dist");
    }

    /** {@code --g-ema}: half-life in images of G's weight average, 0 for none; default 0.
     * @param value the setting
     * @return this builder */
    public TrainingBuilder gEma(double value) {
        this.gEma = value;
        return mark("--g-ema");
    }

    /** {@code --lr}: Adam's learning rate; default the method's (0.0005, bigan 0.0002, dlsgan 0.001).
     * @param value the setting
     * @return this builder */
    public TrainingBuilder lr(double value) {
        this.lr = value;
        return mark("--lr");
    }

    /** {@code --beta1}: Adam's beta1; default the method's (0.5, dlsgan 0).
     * @param value the setting
     * @return this builder */
    public TrainingBuilder beta1(double value) {
        this.beta1 = value;
        return mark("--beta1");
    }

    /** {@code --beta2}: Adam's beta2; default the method's (0.99, bigan 0.999).
     * @param value the setting
     * @return this builder */
    public TrainingBuilder beta2(double value) {
        this.beta2 = value;
        return mark("--beta2");
    }

    /** {@code --seed}: seed of weights, latents and data order; default 0.
     * @param value the setting
     * @return this builder */
    public TrainingBuilder seed(long value) {
        this.seed = value;
        return mark("--seed");
    }

    /** {@code --count}: images to use, -1 for all; default -1.
     * @param value the setting
     * @return this builder */
    public TrainingBuilder count(long value) {
        this.count = value;
        return mark("--count");
    }

    /** {@code --log-every}: steps per metrics line (and listener call); default 50.
     * @param value the setting
     * @return this builder */
    public TrainingBuilder logEvery(int value) {
        this.logEvery = value;
        return mark("--log-every");
    }

    /** {@code --sample-every}: steps per sample grid; default 500.
     * @param value the setting
     * @return this builder */
    public TrainingBuilder sampleEvery(int value) {
        this.sampleEvery = value;
        return mark("--sample-every");
    }

    /** {@code --checkpoint-every}: steps per checkpoint; default 500.
     * @param value the setting
     * @return this builder */
    public TrainingBuilder checkpointEvery(int value) {
        this.checkpointEvery = value;
        return mark("--checkpoint-every");
    }

    /** {@code --keep-checkpoints}: newest checkpoints kept; default 3.
     * @param value the setting
     * @return this builder */
    public TrainingBuilder keepCheckpoints(int value) {
        this.keepCheckpoints = value;
        return mark("--keep-checkpoints");
    }

    /** {@code --on-nonfinite}: stop or rollback when a loss or weight stops being finite; default stop.
     * @param value the setting
     * @return this builder */
    public TrainingBuilder onNonFinite(NonFinitePolicy value) {
        this.onNonFinite = require(value, "onNonFinite");
        return mark("--on-nonfinite");
    }

    /**
     * {@code --on-collapse}: restart (fresh weights and latent draws, up to 3 times), stop or off
     * when D wins outright in the first 1000 steps (its adversarial loss averaged below 0.5 over 200
     * steps); default restart. Restarts are listed in config.json under {@code collapse_restarts}.
     * @param value the setting
     * @return this builder */
    public TrainingBuilder onCollapse(CollapsePolicy value) {
        this.onCollapse = require(value, "onCollapse");
        return mark("--on-collapse");
    }

    /** {@code --force}: replace a run already in the folder; default false.
     * @param value the setting
     * @return this builder */
    public TrainingBuilder force(boolean value) {
        this.force = value;
        return mark("--force");
    }

    /** {@code --device}: cpu, gpu or gpu:N, where the networks, optimiser state and batches live; default cpu.
     * @param value the setting
     * @return this builder */
    public TrainingBuilder device(String value) {
        this.device = require(value, "device");
        return this;
    }

    static <T> T require(T value, String setting) {
        Guard.require(value != null, setting + ": null; pass a value");
        return value;
    }

    @Override
    TrainingBuilder mark(String flag) {
        given.add(flag);
        return this;
    }

    /** @param value told every {@code logEvery} steps, or null
     * @return this builder */
    public TrainingBuilder listener(TrainingListener value) {
        this.listener = value;
        return this;
    }

    /** @param value where the progress bar and the loop's messages go; default: nowhere
     * @return this builder */
    public TrainingBuilder log(PrintStream value) {
        this.log = value == null ? Training.silent() : value;
        return this;
    }

    /** Trains to the step count, as {@code build().run()}.
     * @return where the run stands
     * @throws BadInputException for an invalid setting, unreadable data or a folder in the way */
    public TrainingResult run() {
        return build().run();
    }

    /** @return the training these settings describe, to {@link Training#run() run}; later changes to this builder do not touch it */
    public Training build() {
        return new Training(copy());
    }

    private TrainingBuilder copy() {
        try {
            TrainingBuilder c = (TrainingBuilder) super.clone();
            c.given = new LinkedHashSet<>(given);
            return c;
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }
}
