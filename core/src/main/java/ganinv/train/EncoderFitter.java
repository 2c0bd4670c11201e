package ganinv.train;

import ganinv.checkpoint.Checkpoint;
import ganinv.random.Rng;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ganinv.UserError;
import ganinv.data.ImageTensor;
import ganinv.model.NetConfig;
import ganinv.objective.EncoderFit;
import ganinv.objective.GanMethod;
import ganinv.data.BatchOrder;
import ganinv.data.DataSpec;
import ganinv.data.Dataset;
import ganinv.data.ImageGrid;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fits an encoder to a run's frozen generator, as a phase of its own inside the run:
 * {@code RUN/encoder/} holds its config.json, metrics.jsonl, samples/ and checkpoints/, so it
 * resumes exactly like training does, and {@link TrainedRun} picks the encoder up. A fit starts from
 * a copy of the run's trained encoder (DLSGAN: D's trunk and latent head), or for a gan run from
 * fresh weights and {@link FitConfig#warmupSteps} steps on generated pairs.
 */
public final class EncoderFitter {
    /** The sub-folder of a run that holds its fitted encoder. */
    public static final String FOLDER = "encoder";
    /** Seed offsets that keep fitting draws, held-out latents and sample latents apart. */
    private static final long FIT_SEED = 0xF17E4C0DL;
    private static final long HELD_OUT_SEED = 0x4E1D0C7L;
    private static final int HELD_OUT = 256;

    /**
     * @param heldOutError mean ||z − E(G(z))||²/d on 256 fixed latents, before and after this process's steps
     * @param reconstructionPsnr for a real-image fit, PSNR (dB) of G(E(x)) against x on up to 256 of
     *                           its images, before and after; NaN for a fit from pairs
     */
    public record Summary(long step, double seconds, double heldOutErrorBefore, double heldOutError,
                          double reconstructionPsnrBefore, double reconstructionPsnr, Path checkpoint, Path samples) {
    }

    /** What a fit is given besides its config: the run, how to start and where its lines go. */
    public record Request(FitConfig cfg, Path run, boolean resume, boolean force, Safety safety, PrintStream out,
                          ai.djl.Device device) {
    }

    private EncoderFitter() {
    }

    /** Fits (or continues fitting) with the default safety on the default device. */
    public static Summary run(FitConfig cfg, Path run, boolean resume, boolean force, PrintStream out) {
        return run(new Request(cfg, run, resume, force, Safety.DEFAULT, out, ganinv.model.Devices.DEFAULT));
    }

    /**
     * Fits (or, with {@code resume}, continues fitting) the encoder of the run; {@code cfg}'s
     * {@code generatorStep} must be the run's newest step.
     */
    public static Summary run(Request request) {
        FitConfig cfg = request.cfg();
        Path run = request.run();
        PrintStream out = request.out();
        try (TrainedRun trained = TrainedRun.load(run, request.device())) {
            if (!cfg.realImages() && trained.method().hasTrainedEncoder()) {
                throw new UserError("--pairs-only: a " + trained.method().name() + " run trains its own encoder on"
                        + " pairs already; drop --pairs-only to fit it to real images");
            }
            if (cfg.generatorStep() != trained.step()) {
                throw new UserError("--run " + run + ": its generator moved from step " + cfg.generatorStep() + " to "
                        + trained.step() + " since this encoder was fitted; fit a new one with --force");
            }
            RunDir dir = RunDir.forTraining(run.resolve(FOLDER), request.resume(), request.force());
            GanMethod method = trained.method();
            NetConfig net = method.net();
            NDManager manager = trained.manager();
            Engine.getInstance().setRandomSeed((int) cfg.seed());
            EncoderFit fit = new EncoderFit(method, method.encoderCopy(manager),
                    new EncoderFit.Weights(cfg.pixelWeight(), cfg.featureWeight(), cfg.latentWeight(), cfg.priorWeight()),
                    new double[] {cfg.learningRate(), cfg.beta1(), cfg.beta2()}, manager);
            Rng rng = new Rng(cfg.seed() ^ FIT_SEED);
            Loop.Resumed from = new Loop.Resumed(null, 0);
            if (request.resume()) {
                from = Loop.resume(dir, fit, rng, out);
                out.println("resuming the encoder of " + run + " at step " + from.step() + " of " + cfg.steps());
            }
            Dataset data = cfg.realImages() ? open(cfg.data(), trained, out) : null;
            dir.writeConfig(RunConfigJson.of(cfg, data != null ? data.describe()
                    : "images drawn from G of " + run + " at step " + trained.step()));
            float[] heldOut = method.prior().sample(new Rng(cfg.seed() ^ HELD_OUT_SEED), HELD_OUT, net.latentDim());
            double before = heldOutError(fit, heldOut, net.latentDim(), manager);
            double psnrBefore = data == null ? Double.NaN : reconstructionPsnr(fit, data, manager);
            float[] sampleZ = method.prior().sample(new Rng(cfg.seed() ^ HELD_OUT_SEED ^ 1), 32, net.latentDim());
            BatchOrder order = data == null ? null : new BatchOrder(data.size(), cfg.seed());
            Loop.Job job = new Loop.Job(fit, rng) {
                @Override
                Map<String, Double> step(NDManager scope, long step) {
                    boolean pairs = data == null || step < cfg.warmupSteps();
                    NDArray real = pairs ? null : Trainer.batch(scope, data, order.indices(step, cfg.batch()));  // [B, C, R, R]
                    return fit.step(scope, real, cfg.batch(), rng);
                }

                @Override
                void writeSamples(Path file) {
                    if (data == null) {
                        writePairs(fit, method, sampleZ, manager, file);
                    } else {
                        writeReconstructions(fit, method, data, manager, file);
                    }
                }

                @Override
                Path checkpoint(long done) throws java.io.IOException {
                    return Checkpoint.save(dir.checkpoints(), cfg, fit, done, rng.state(), request.safety().keepCheckpoints());
                }
            };
            Loop.Schedule schedule = new Loop.Schedule(cfg.steps(), cfg.batch(), cfg.logEvery(), cfg.sampleEvery(),
                    cfg.checkpointEvery());
            Loop.Result r = Loop.run(Loop.Phase.of("fit-encoder", job, dir, manager, schedule).from(from)
                    .onNonFinite(request.safety().onNonFinite()).out(out));
            double after = heldOutError(fit, heldOut, net.latentDim(), manager);
            double psnrAfter = data == null ? Double.NaN : reconstructionPsnr(fit, data, manager);
            return new Summary(Math.max(from.step(), cfg.steps()), r.seconds(), before, after, psnrBefore, psnrAfter,
                    r.checkpoint(), dir.sampleGrid(cfg.steps()));
        }
    }

    /** The run's own training images when {@code data} is its spec, else every image of {@code data}. */
    static Dataset open(String data, TrainedRun trained, PrintStream warnings) {
        TrainConfig run = trained.config();
        NetConfig net = trained.method().net();
        return data.equals(run.data()) ? run.openData(warnings)
                : DataSpec.parse(data).open(net.channels(), net.resolution(), run.seed(), -1, warnings);
    }

    private static double heldOutError(EncoderFit fit, float[] z, int d, NDManager manager) {
        try (NDManager scope = manager.newSubManager()) {
            return fit.latentError(scope.create(z, new Shape(z.length / d, d)));
        }
    }

    /** PSNR of G(E(x)) against x over the data's first 256 images (pixels in [-1, 1], so the peak-to-peak is 2). */
    private static double reconstructionPsnr(EncoderFit fit, Dataset data, NDManager manager) {
        long n = data.size() > 0 ? Math.min(HELD_OUT, data.size()) : HELD_OUT;
        long[] first = java.util.stream.LongStream.range(0, n).toArray();
        try (NDManager scope = manager.newSubManager()) {
            return 10 * Math.log10(4 / fit.reconstructionError(Trainer.batch(scope, data, first)));
        }
    }

    /** An 8x8 grid whose rows alternate: G(z) for 8 fixed latents, then their reconstructions G(E(G(z))). */
    private static void writePairs(EncoderFit fit, GanMethod method, float[] z, NDManager manager, Path file) {
        int d = method.net().latentDim();
        try (NDManager scope = manager.newSubManager()) {
            NDArray x = method.generate(scope.create(z, new Shape(z.length / d, d)));   // [32, C, R, R]
            writeAlternating(ImageTensor.images(x), ImageTensor.images(method.generate(fit.encoder().encode(x))),
                    method.net(), file);
        }
    }

    /** An 8x8 grid whose rows alternate: 8 of the fitted images, then their reconstructions G(E(x)). */
    private static void writeReconstructions(EncoderFit fit, GanMethod method, Dataset data, NDManager manager, Path file) {
        long n = data.size() > 0 ? Math.min(32, data.size()) : 32;
        try (NDManager scope = manager.newSubManager()) {
            NDArray x = Trainer.batch(scope, data, java.util.stream.LongStream.range(0, n).toArray());   // [32, C, R, R]
            writeAlternating(ImageTensor.images(x), ImageTensor.images(method.generate(fit.encoder().encode(x))),
                    method.net(), file);
        }
    }

    private static void writeAlternating(List<byte[]> top, List<byte[]> bottom, NetConfig net, Path file) {
        List<byte[]> tiles = new ArrayList<>();
        for (int row = 0; row < top.size() / 8; row++) {
            tiles.addAll(top.subList(8 * row, 8 * row + 8));
            tiles.addAll(bottom.subList(8 * row, 8 * row + 8));
        }
        ImageGrid.write(tiles, net.channels(), net.resolution(), 8, file);
    }
}
