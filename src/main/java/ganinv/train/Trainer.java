package ganinv.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ganinv.data.BatchOrder;
import ganinv.data.Dataset;
import ganinv.data.ImageTensor;
import ganinv.objective.GanMethod;
import ganinv.objective.Methods;
import ganinv.report.ImageGrid;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * GAN training, the same for every method: read a batch, let the method take a step, and leave
 * logging, sample grids and checkpoints to the {@link Loop}. Everything that decides what happens
 * next (weights, optimizer moments, step, RNG state) is in the checkpoint, and the data order is
 * a function of the step.
 */
public final class Trainer {
    /** Seed offset for the fixed latents behind every sample grid, apart from training draws. */
    private static final long SAMPLE_SEED = 0x5A3B1E5L;
    /** What counts as an epoch of endless data (for learning-rate decay): CIFAR-10's training-set size. */
    public static final long ENDLESS_EPOCH = 50_000;

    public record Summary(long step, double seconds, double imagesPerSecond, Path checkpoint, Path samples) {
    }

    private Trainer() {
    }

    /**
     * Trains {@code cfg} on {@code data} in {@code dir}, from scratch or from its newest checkpoint.
     *
     * @param data already opened, fitted to the config's channels and resolution
     */
    public static Summary run(TrainConfig cfg, Dataset data, RunDir dir, boolean resume, PrintStream out) {
        return run(cfg, data, dir, resume, Safety.DEFAULT, out);
    }

    /** As {@link #run(TrainConfig, Dataset, RunDir, boolean, PrintStream)}, with {@code --keep-checkpoints} and {@code --on-nonfinite}. */
    public static Summary run(TrainConfig cfg, Dataset data, RunDir dir, boolean resume, Safety safety, PrintStream out) {
        return run(cfg, data, dir, resume, safety, out, line -> { });
    }

    /** As above, handing every metrics.jsonl line (step, losses, images_per_s, seconds, rss_mib) to {@code onLog}. */
    public static Summary run(TrainConfig cfg, Dataset data, RunDir dir, boolean resume, Safety safety, PrintStream out,
                              Consumer<Map<String, Object>> onLog) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed((int) cfg.seed());
            GanMethod method = Methods.create(cfg.method(), cfg.net(), cfg.prior(), cfg.options(), manager);
            Rng rng = new Rng(cfg.seed());
            Loop.Resumed from = new Loop.Resumed(null, 0);
            if (resume) {
                from = Loop.resume(dir, method, rng, out);
                out.println("resuming " + dir.root() + " at step " + from.step() + " of " + cfg.steps());
            }
            dir.writeConfig(RunConfigJson.of(cfg, data.describe()));
            out.println("data: " + data.describe());
            out.println(method.name() + ": " + method.networks().values().stream()
                    .map(n -> n.name() + " " + n.parameterCount() + " parameters").collect(Collectors.joining(", ")));

            BatchOrder order = new BatchOrder(data.size(), cfg.seed());
            float[] fixedZ = method.prior().sample(new Rng(cfg.seed() ^ SAMPLE_SEED), 64, cfg.net().latentDim());
            Loop.Job job = new Loop.Job(method, rng) {
                @Override
                Map<String, Double> step(NDManager scope, long step) {
                    method.startEpoch(step * cfg.batch() / epochImages(data));
                    NDArray real = batch(scope, data, order.indices(step, cfg.batch()));   // [B, C, R, R]
                    return method.step(scope, real, rng);
                }

                @Override
                void writeSamples(Path file) {
                    Trainer.writeSamples(method, fixedZ, manager, file);
                }

                @Override
                Path checkpoint(long done) throws java.io.IOException {
                    return Checkpoint.save(dir.checkpoints(), cfg, method, done, rng.state(), safety.keepCheckpoints());
                }
            };
            Loop.Schedule schedule = new Loop.Schedule(cfg.steps(), cfg.batch(), cfg.logEvery(), cfg.sampleEvery(),
                    cfg.checkpointEvery());
            Loop.Result r = Loop.run("train", schedule, from.step(), job, dir, manager, from.checkpoint(), safety.onNonFinite(), out,
                    onLog);
            return new Summary(Math.max(from.step(), cfg.steps()), r.seconds(),
                    r.stepsRun() * cfg.batch() / Math.max(r.seconds(), 1e-9), r.checkpoint(), dir.sampleGrid(cfg.steps()));
        }
    }

    /** Images per epoch: the data's size, or {@link #ENDLESS_EPOCH} for endless data such as the default shapes. */
    static long epochImages(Dataset data) {
        return data.size() > 0 ? data.size() : ENDLESS_EPOCH;
    }

    /** Reads the images at {@code indices} into [B, C, R, R] in [-1, 1]. */
    static NDArray batch(NDManager scope, Dataset data, long[] indices) {
        List<byte[]> images = new ArrayList<>(indices.length);
        for (long i : indices) {
            images.add(data.pixels(i));
        }
        return ImageTensor.batch(scope, images, data.channels(), data.resolution());
    }

    /** Renders G at fixed latents into an 8x8 grid. */
    public static void writeSamples(GanMethod method, float[] z, NDManager manager, Path file) {
        int d = method.net().latentDim();
        try (NDManager scope = manager.newSubManager()) {
            NDArray images = method.generate(scope.create(z, new Shape(z.length / d, d)));
            ImageGrid.write(ImageTensor.images(images), method.net().channels(), method.net().resolution(), 8, file);
        }
    }
}
