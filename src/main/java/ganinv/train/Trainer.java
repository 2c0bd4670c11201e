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

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The training loop, the same for every method: read a batch, let the method take a step, log,
 * draw samples, checkpoint. Everything that decides what happens next (weights, optimizer
 * moments, step, RNG state) is in the checkpoint, and the data order is a function of the step.
 */
public final class Trainer {
    /** Seed offset for the fixed latents behind every sample grid, apart from training draws. */
    private static final long SAMPLE_SEED = 0x5A3B1E5L;
    private static final int KEEP_CHECKPOINTS = 3;

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
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed((int) cfg.seed());
            GanMethod method = Methods.create(cfg.method(), cfg.net(), cfg.prior(), cfg.options(), manager);
            Rng rng = new Rng(cfg.seed());
            long start = 0;
            Path checkpoint = null;
            if (resume) {
                checkpoint = newest(dir);
                Checkpoint ckpt = Checkpoint.read(checkpoint);
                ckpt.restoreInto(method);
                rng.restore(ckpt.header().rngState());
                start = ckpt.header().step();
                dir.truncateMetricsAfter(start);
                dir.writeConfig(RunConfigJson.of(cfg, data));
                out.println("resuming " + dir.root() + " at step " + start + " of " + cfg.steps());
            } else {
                dir.writeConfig(RunConfigJson.of(cfg, data));
            }
            out.println("data: " + data.describe());
            out.println(method.name() + ": " + method.networks().values().stream()
                    .map(n -> n.name() + " " + n.parameterCount() + " parameters").collect(Collectors.joining(", ")));
            return loop(cfg, dir, method, data, rng, start, checkpoint, manager, out);
        }
    }

    private static Summary loop(TrainConfig cfg, RunDir dir, GanMethod method, Dataset data, Rng rng, long start,
                                Path resumedFrom, NDManager manager, PrintStream out) {
        BatchOrder order = new BatchOrder(data.size(), cfg.seed());
        float[] fixedZ = method.prior().sample(new Rng(cfg.seed() ^ SAMPLE_SEED), 64, cfg.net().latentDim());
        Map<String, Double> sums = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        long intervalStart = t0;
        int intervalSteps = 0;
        Path checkpoint = resumedFrom;
        try (Progress progress = Progress.create("train", start, cfg.steps(), out)) {
            for (long step = start; step < cfg.steps(); step++) {
                Map<String, Double> losses;
                try (NDManager scope = manager.newSubManager()) {
                    NDArray real = batch(scope, data, order.indices(step, cfg.batch()));   // [B, C, R, R]
                    losses = method.step(scope, real, rng);
                }
                losses.forEach((k, v) -> sums.merge(k, v, Double::sum));
                intervalSteps++;
                long done = step + 1;
                boolean last = done == cfg.steps();
                boolean log = done % cfg.logEvery() == 0 || last;
                if (log) {
                    long now = System.nanoTime();
                    Map<String, Object> line = new LinkedHashMap<>();
                    line.put("step", done);
                    for (Map.Entry<String, Double> e : sums.entrySet()) {
                        line.put(e.getKey(), e.getValue() / intervalSteps);
                    }
                    line.put("images_per_s", intervalSteps * cfg.batch() / ((now - intervalStart) / 1e9));
                    line.put("seconds", (now - t0) / 1e9);
                    dir.appendMetrics(line);
                    sums.clear();
                    intervalSteps = 0;
                    intervalStart = now;
                }
                progress.update(done, losses, log);
                if (done % cfg.sampleEvery() == 0 || last) {
                    writeSamples(method, fixedZ, manager, dir.sampleGrid(done));
                }
                if (done % cfg.checkpointEvery() == 0 || last) {
                    checkpoint = save(dir, cfg, method, done, rng);
                }
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long trained = Math.max(0, cfg.steps() - start);
        if (start >= cfg.steps()) {
            out.println("the run is already at step " + start + "; pass a larger --steps to train further");
        }
        return new Summary(Math.max(start, cfg.steps()), seconds, trained * cfg.batch() / Math.max(seconds, 1e-9), checkpoint,
                dir.sampleGrid(cfg.steps()));
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

    private static Path save(RunDir dir, TrainConfig cfg, GanMethod method, long step, Rng rng) {
        try {
            return Checkpoint.save(dir.checkpoints(), cfg, method, step, rng.state(), KEEP_CHECKPOINTS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a checkpoint into " + dir.checkpoints(), e);
        }
    }

    static Path newest(RunDir dir) {
        try {
            return Checkpoint.newest(dir.checkpoints()).orElseThrow(() -> new ganinv.UserError(
                    dir.checkpoints() + ": no checkpoint to resume from; start the run again without --resume"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
