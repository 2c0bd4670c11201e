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
import ganinv.objective.PlainGan;
import ganinv.data.ImageGrid;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fits an encoder to the frozen generator of a {@code gan} run, as a phase of its own inside
 * the run: {@code RUN/encoder/} holds its config.json, metrics.jsonl, samples/ and checkpoints/,
 * so it resumes exactly like training does, and {@link TrainedRun} picks the encoder up.
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
     */
    public record Summary(long step, double seconds, double heldOutErrorBefore, double heldOutError, Path checkpoint,
                          Path samples) {
    }

    private EncoderFitter() {
    }

    /**
     * Fits (or, with {@code resume}, continues fitting) the encoder of the gan run at {@code run}.
     *
     * @param cfg its {@code generatorStep} must be the run's newest step
     */
    public static Summary run(FitConfig cfg, Path run, boolean resume, boolean force, PrintStream out) {
        return run(cfg, run, resume, force, Safety.DEFAULT, out);
    }

    /** As {@link #run(FitConfig, Path, boolean, boolean, PrintStream)}, with {@code --keep-checkpoints} and {@code --on-nonfinite}. */
    public static Summary run(FitConfig cfg, Path run, boolean resume, boolean force, Safety safety, PrintStream out) {
        return run(cfg, run, resume, force, safety, out, ganinv.model.Devices.DEFAULT);
    }

    /** As above, the generator and the encoder on {@code device}. */
    public static Summary run(FitConfig cfg, Path run, boolean resume, boolean force, Safety safety, PrintStream out,
                              ai.djl.Device device) {
        try (TrainedRun trained = TrainedRun.load(run, device)) {
            if (!(trained.method() instanceof PlainGan)) {
                throw new UserError("--run " + run + ": a " + trained.method().name()
                        + " run trains its own encoder; fit-encoder is for runs trained with --method gan");
            }
            if (cfg.generatorStep() != trained.step()) {
                throw new UserError("--run " + run + ": its generator moved from step " + cfg.generatorStep() + " to "
                        + trained.step() + " since this encoder was fitted; fit a new one with --force");
            }
            RunDir dir = RunDir.forTraining(run.resolve(FOLDER), resume, force);
            NetConfig net = trained.method().net();
            Engine.getInstance().setRandomSeed((int) cfg.seed());
            EncoderFit fit = new EncoderFit(trained.method().sampler(), net, trained.method().prior(),
                    cfg.pixelWeight(), cfg.learningRate(), cfg.beta1(), cfg.beta2(), trained.manager());
            Rng rng = new Rng(cfg.seed() ^ FIT_SEED);
            Loop.Resumed from = new Loop.Resumed(null, 0);
            if (resume) {
                from = Loop.resume(dir, fit, rng, out);
                out.println("resuming the encoder of " + run + " at step " + from.step() + " of " + cfg.steps());
            }
            dir.writeConfig(RunConfigJson.of(cfg, "images drawn from G of " + run + " at step " + trained.step()));
            NDManager manager = trained.manager();
            float[] heldOut = trained.method().prior().sample(new Rng(cfg.seed() ^ HELD_OUT_SEED), HELD_OUT, net.latentDim());
            double before = heldOutError(fit, heldOut, net.latentDim(), manager);
            float[] sampleZ = trained.method().prior().sample(new Rng(cfg.seed() ^ HELD_OUT_SEED ^ 1), 32, net.latentDim());
            Loop.Job job = new Loop.Job(fit, rng) {
                @Override
                Map<String, Double> step(NDManager scope, long step) {
                    return fit.step(scope, cfg.batch(), rng);
                }

                @Override
                void writeSamples(Path file) {
                    writePairs(fit, trained, sampleZ, file);
                }

                @Override
                Path checkpoint(long done) throws java.io.IOException {
                    return Checkpoint.save(dir.checkpoints(), cfg, fit, done, rng.state(), safety.keepCheckpoints());
                }
            };
            Loop.Schedule schedule = new Loop.Schedule(cfg.steps(), cfg.batch(), cfg.logEvery(), cfg.sampleEvery(),
                    cfg.checkpointEvery());
            Loop.Result r = Loop.run(Loop.Phase.of("fit-encoder", job, dir, manager, schedule).from(from)
                    .onNonFinite(safety.onNonFinite()).out(out));
            double after = heldOutError(fit, heldOut, net.latentDim(), manager);
            return new Summary(Math.max(from.step(), cfg.steps()), r.seconds(), before, after, r.checkpoint(),
                    dir.sampleGrid(cfg.steps()));
        }
    }

    private static double heldOutError(EncoderFit fit, float[] z, int d, NDManager manager) {
        try (NDManager scope = manager.newSubManager()) {
            return fit.latentError(scope.create(z, new Shape(z.length / d, d)));
        }
    }

    /** An 8x8 grid whose rows alternate: G(z) for 8 fixed latents, then their reconstructions G(E(G(z))). */
    private static void writePairs(EncoderFit fit, TrainedRun trained, float[] z, Path file) {
        NetConfig net = trained.method().net();
        int d = net.latentDim();
        try (NDManager scope = trained.manager().newSubManager()) {
            NDArray x = trained.method().generate(scope.create(z, new Shape(z.length / d, d)));   // [32, C, R, R]
            List<byte[]> generated = ImageTensor.images(x);
            List<byte[]> rebuilt = ImageTensor.images(trained.method().generate(fit.encoder().forward(x)));
            List<byte[]> tiles = new ArrayList<>();
            for (int row = 0; row < generated.size() / 8; row++) {
                tiles.addAll(generated.subList(8 * row, 8 * row + 8));
                tiles.addAll(rebuilt.subList(8 * row, 8 * row + 8));
            }
            ImageGrid.write(tiles, net.channels(), net.resolution(), 8, file);
        }
    }
}
