package ganinv.api;

import ganinv.api.types.*;
import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDManager;
import ganinv.data.ImageCodec;
import ganinv.data.ImageFolderLoader;
import ganinv.edit.AttributeDirection;
import ganinv.edit.Interpolation;
import ganinv.edit.Traversal;
import ganinv.invert.Decode;
import ganinv.train.Measure;
import ganinv.train.TrainedRun;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A trained run opened for use: inversion, rendering, edits and measurement, with plain Java
 * types at the edges. Codes are {@code float[d]} in the units the generator takes (for DLSGAN,
 * z before the latent scale s is applied, as {@code ganinv invert} writes them); images are
 * {@link BufferedImage}s, converted to the run's channels and resolution on the way in
 * (centre-cropped, area-resized) and rendered at its resolution on the way out.
 *
 * <p><b>Threads.</b> One instance may be shared by any number of threads. Encoder inversion,
 * rendering, ranking and traversal run concurrently; optimisation and hybrid inversion and
 * {@link #evaluate} run one at a time in the whole JVM, because the engine records gradients for
 * one caller at a time. <b>Resources.</b> The networks live in native memory until {@link #close};
 * every call frees what it made before it returns. Close after the last call has returned.
 * <b>Errors.</b> Every method throws only {@link BadInputException} (the caller's input, with the
 * fix), {@link FileAccessException} (a path the system refused) or {@link GanInvException}
 * (anything else), never an engine exception; a call after {@link #close} throws
 * {@link IllegalStateException}.
 */
public final class GanRun implements AutoCloseable {
    private final Session session;
    private final TrainedRun trained;

    private GanRun(TrainedRun trained) {
        this.session = new Session(trained);
        this.trained = trained;
    }

    /**
     * Opens a run folder made by {@code ganinv train} at its newest checkpoint, sampling from its
     * generator EMA when it keeps one.
     *
     * @param folder the run folder (holding config.json and checkpoints/)
     * @return the open run; close it when done
     * @throws BadInputException when the folder is not a run or its checkpoint is unreadable
     */
    public static GanRun open(Path folder) {
        return open(folder, (Generator) null);
    }

    /**
     * As {@link #open(Path)}, choosing the generator.
     *
     * @param folder the run folder
     * @param generator {@link Generator#G} or {@link Generator#G_EMA}; null for the default (G_ema
     *                  when the run keeps one)
     * @return the open run
     */
    public static GanRun open(Path folder, Generator generator) {
        return open(folder, generator, "cpu");
    }

    /**
     * As {@link #open(Path, Generator)}, the networks on a device.
     * @param folder the run folder
     * @param generator the generator, or null for the run's default
     * @param device cpu, gpu or gpu:N (a checkpoint opens on any device)
     * @return the open run
     * @throws BadInputException for a device the engine does not have, with how to give it one
     */
    public static GanRun open(Path folder, Generator generator, String device) {
        return open(folder, generator, device, null);
    }

    /**
     * As {@link #open(Path, Generator, String)}, choosing the encoder.
     * @param folder the run folder
     * @param generator the generator, or null for the run's default
     * @param device cpu, gpu or gpu:N
     * @param encoder {@link EncoderChoice#FITTED} (made by {@code ganinv fit-encoder}) or
     *                {@link EncoderChoice#TRAINED} (trained with G); null for the fitted one when it
     *                was fitted to this generator, else the trained one
     * @return the open run
     * @throws BadInputException for an encoder the run does not have, with how to get it
     */
    public static GanRun open(Path folder, Generator generator, String device, EncoderChoice encoder) {
        Guard.require(folder != null, "run folder: null; pass the folder 'ganinv train --out' made");
        return Guard.call(() -> {
            TrainedRun t = TrainedRun.load(folder, ganinv.model.Devices.parse(device));
            try {
                if (generator != null) {
                    t.method().sampleFrom(generator);
                }
                t.chooseEncoder(encoder);
                return new GanRun(t);
            } catch (RuntimeException e) {
                t.close();
                throw e;
            }
        });
    }

    /** @return the run folder */
    public Path folder() {
        return trained.dir().root();
    }

    /** @return the training method */
    public Method method() {
        return trained.config().method();
    }

    /** @return the network family */
    public Architecture architecture() {
        return trained.method().net().arch();
    }

    /** @return the training step of the checkpoint that was opened */
    public long step() {
        return trained.step();
    }

    /** @return d, the length of every code */
    public int latentDim() {
        return trained.method().net().latentDim();
    }

    /** @return R, the side of every image the run draws, in pixels */
    public int resolution() {
        return trained.method().net().resolution();
    }

    /** @return 1 (gray) or 3 (RGB) */
    public int channels() {
        return trained.method().net().channels();
    }

    /** @return whether the run can invert by encoder: its own, or for a gan run one fitted to its generator */
    public boolean hasEncoder() {
        return session.read(() -> Measure.canInvert(trained));
    }

    /** @return the encoder that inverts ({@link EncoderChoice#FITTED} or {@link EncoderChoice#TRAINED}), or null when the run has none */
    public EncoderChoice encoder() {
        return session.read(trained::encoderInUse);
    }

    /** @return whether the run has an encoder fitted to its current generator (by {@code ganinv fit-encoder}) */
    public boolean hasFittedEncoder() {
        return session.read(trained::hasFittedEncoder);
    }

    /** @return the data the run was trained on, as {@code --data} names it */
    public String trainingData() {
        return trained.config().data();
    }

    /** @return the prior codes are drawn from */
    public LatentDistribution latentDistribution() {
        return trained.method().prior();
    }

    /** @return the generator that renders */
    public Generator generator() {
        return Generator.parse(trained.method().sampler().name());
    }

    /** @return DLSGAN's latent scale s, [d]; all ones for the methods without one */
    public float[] latentScale() {
        return session.read(() -> {
            try (NDManager scope = trained.manager().newSubManager()) {
                float[] ones = new float[latentDim()];
                Arrays.fill(ones, 1f);
                return trained.method().latentScale(scope).orElse(ones);
            }
        });
    }

    /**
     * Codes for images.
     *
     * @param images any size and colour model; each is centre-cropped and resized to R×R
     * @param settings how to invert ({@link InvertSettings#encoder()} for one encoder pass)
     * @param progress told how far the call is, or null
     * @return one code per image, [N][d]
     * @throws BadInputException for an empty list, a null image, or a gan run without a fitted encoder
     */
    public float[][] invert(List<BufferedImage> images, InvertSettings settings, ProgressListener progress) {
        return inversion(Inputs.fromImages(images, channels(), resolution()), settings, progress).codes();
    }

    /** As {@link #invert(List, InvertSettings, ProgressListener)} without progress.
     * @param images any size and colour model
     * @param settings how to invert
     * @return one code per image, [N][d] */
    public float[][] invert(List<BufferedImage> images, InvertSettings settings) {
        return invert(images, settings, null);
    }

    /**
     * Codes for images given as pixels.
     * @param pixels each [C, R, R] row-major in [0, 1] at the run's channels and resolution; values
     *               are rounded to 8 bits, as an image file holds them
     * @param settings how to invert
     * @return one code per image, [N][d]
     */
    public float[][] invertPixels(List<float[]> pixels, InvertSettings settings) {
        return inversion(Inputs.fromPixels(pixels, channels(), resolution()), settings, null).codes();
    }

    /**
     * Codes for image files.
     * @param files PNG or JPEG files, any size and colour model
     * @param settings how to invert
     * @param progress told how far the call is, or null
     * @return one code per file, [N][d], in the order given
     * @throws BadInputException naming the first file that cannot be read
     */
    public float[][] invertFiles(List<Path> files, InvertSettings settings, ProgressListener progress) {
        return inversion(Inputs.fromFiles(files, channels(), resolution()), settings, progress).codes();
    }

    /**
     * Codes for every PNG/JPEG image under a folder (recursively), as {@code ganinv invert --images}
     * reads it: unreadable files are skipped and returned with their reasons.
     *
     * @param images the folder
     * @param settings how to invert
     * @param progress told how far the call is, or null
     * @return the names and codes, in sorted path order, and the skipped files
     * @throws BadInputException when the folder holds no readable image
     */
    public InvertedFolder invertFolder(Path images, InvertSettings settings, ProgressListener progress) {
        FittedImages fitted = FittedImages.readFolder(this, images, ImageFiles.DEFAULT_MAX_PIXELS);
        return new InvertedFolder(fitted.names(), invert(fitted, settings, progress).codes(), fitted.skipped());
    }

    /**
     * Codes for images read by {@link FittedImages#readFolder}, with the objective's trace.
     *
     * @param images images this run read
     * @param settings how to invert
     * @param progress told how far the call is, or null
     * @return the codes, in the images' order, and the trace
     */
    public Inversion invert(FittedImages images, InvertSettings settings, ProgressListener progress) {
        Guard.require(images != null && images.size() > 0, "images: none given");
        return inversion(images.pixels(), settings, progress);
    }

    private Inversion inversion(List<byte[]> pixels, InvertSettings settings, ProgressListener progress) {
        return Inverting.run(session, trained, pixels, settings, progress);
    }

    /**
     * Images for codes.
     *
     * @param codes [N][d]
     * @return N images, R×R, TYPE_INT_RGB (gray runs give R = G = B)
     */
    public List<BufferedImage> render(float[][] codes) {
        float[] flat = Codes.flatten(codes, latentDim(), "codes");
        return session.read(() -> Decode.images(trained.method(), trained.manager(), flat, 64).stream()
                .map(p -> ImageCodec.toImage(p, channels(), resolution(), resolution())).toList());
    }

    /**
     * The image as this run sees it: centre-cropped, resized to R×R and converted to its channels,
     * exactly as inversion prepares it; what a reconstruction should be compared with.
     *
     * @param image any size and colour model
     * @return an R×R image, TYPE_INT_RGB (gray runs give R = G = B)
     */
    public BufferedImage fit(BufferedImage image) {
        byte[] pixels = Inputs.fromImages(List.of(image), channels(), resolution()).get(0);
        return ImageCodec.toImage(pixels, channels(), resolution(), resolution());
    }

    /**
     * Codes drawn from the run's prior, the ones {@code evaluate} and {@code sample} draw for a seed.
     *
     * @param count how many
     * @param seed the seed
     * @return [count][d]
     */
    public float[][] sampleCodes(int count, long seed) {
        Guard.require(count >= 1, "count " + count + ": must be at least 1");
        return Codes.rows(trained.method().prior().sample(new ganinv.random.Rng(seed), count, latentDim()), latentDim());
    }

    /**
     * Copies what opening this run needs into a new folder: config.json, the checkpoint this
     * instance opened and, for a gan run, its fitted encoder. The copy opens to the same networks;
     * it is what to ship to another machine (a Spark executor, a server).
     *
     * @param target a folder that does not exist yet
     * @return {@code target}
     * @throws BadInputException when target exists or cannot be written
     */
    public Path copyEssentials(Path target) {
        Guard.require(target != null, "target: null");
        return session.read(() -> {
            trained.copyEssentials(target);
            return target;
        });
    }

    /**
     * Latent elements by importance, as {@code ganinv traverse} ranks them.
     * @param seed seed of the latents drawn to rank methods without a latent scale
     * @return the ranking
     */
    public ElementRanking rankElements(long seed) {
        return session.read(() -> {
            try (NDManager scope = trained.manager().newSubManager()) {
                if (trained.method().latentScale(scope).isEmpty()) {
                    trained.requireEncoder();           // without a scale, the ranking is the encoder's variance
                }
            }
            Traversal.Ranking r = Traversal.rank(trained.method(), trained.manager(), seed);
            return new ElementRanking(r.rankedBy(), r.scores(), r.order());
        });
    }

    /**
     * A traversal grid: {@code base} with each element set in turn to each value.
     *
     * @param base the code every image starts from, [d]
     * @param elements element indices, one grid row each
     * @param values the values each element takes, one grid column each
     * @return elements.length × values.length images, row-major
     */
    public List<BufferedImage> traverse(float[] base, int[] elements, float[] values) {
        Codes.check(base, latentDim(), "base");
        Guard.require(elements != null && values != null && elements.length > 0 && values.length > 0,
                "traverse: give at least one element and one value");
        for (int e : elements) {
            Guard.require(e >= 0 && e < latentDim(), "element " + e + ": must be in 0.." + (latentDim() - 1));
        }
        return session.read(() -> Traversal.render(trained.method(), trained.manager(), base, elements, values).stream()
                .map(p -> ImageCodec.toImage(p, channels(), resolution(), resolution())).toList());
    }

    /**
     * As {@link #evaluate(String, EvaluationSettings)} with the fallback features and no hybrid inversion.
     * @param data "shapes", an image folder, an MNIST IDX file or a CIFAR-10 binary folder
     * @param count N, real and generated images each, at least 10
     * @param seed seed of the data drawn and the generated latents (the command's default: 1000003)
     * @return the measurements */
    public Evaluation evaluate(String data, int count, long seed) {
        return evaluate(data, new EvaluationSettings(count, seed, null, null, 0));
    }

    /**
     * Measures the run as {@code ganinv evaluate} does.
     *
     * @param data "shapes", an image folder, an MNIST IDX file or a CIFAR-10 binary folder
     * @param settings N, the seed, the feature network and the hybrid count
     * @return the measurements
     */
    public Evaluation evaluate(String data, EvaluationSettings settings) {
        Guard.require(data != null, "data: null; pass 'shapes' or a path");
        Guard.require(settings != null, "settings: null; use EvaluationSettings.of(count)");
        return session.exclusive(() -> Evaluation.of(Measure.run(trained, data, settings.options()).values()));
    }

    /**
     * The engine arrays this run holds: its weights and buffers. It stays the same across calls;
     * a diagnostic for services that watch native memory.
     *
     * @return the number of native arrays alive in this run's scope
     */
    public int engineArrays() {
        return session.read(() -> ((BaseNDManager) trained.manager()).getManagedArrays().size());
    }

    /** Frees the networks' native memory. Idempotent. */
    @Override
    public void close() {
        session.close();
    }

    /** Forward-only {@code body} on the loaded run beside other readers, without the gradient lock (for the API). */
    <T> T reading(java.util.function.Function<TrainedRun, T> body) {
        return session.read(() -> body.apply(trained));
    }

    /** {@code body} on the loaded run with this run, and the JVM's gradient lock, to itself (for the API). */
    <T> T withRun(java.util.function.Function<TrainedRun, T> body) {
        return session.exclusive(() -> body.apply(trained));
    }
}
