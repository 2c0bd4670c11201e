package ganinv.train;

import ganinv.api.types.CollapsePolicy;
import ganinv.checkpoint.Checkpoint;
import ganinv.random.Rng;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ganinv.data.BatchOrder;
import ganinv.data.Dataset;
import ganinv.data.ImageTensor;
import ganinv.objective.GanMethod;
import ganinv.objective.Methods;
import ganinv.data.ImageGrid;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
     * What a training needs, named rather than positional: {@link #of} and the withers.
     *
     * @param data already opened, fitted to the config's channels and resolution
     * @param resume whether to continue from the newest checkpoint in {@code dir}
     * @param safety {@code --keep-checkpoints}, {@code --on-nonfinite} and the collapse guard
     * @param onLog told every metrics.jsonl line (step, losses, images_per_s, seconds, rss_mib)
     * @param device where the networks, optimiser state and batches live
     * @param resumeChanges settings a resume changes ({@code setting}, {@code to}, and {@code from}
     *     where the config held it): recorded in config.json under {@link RunDir#RESUME_CHANGES}
     *     with the step the run resumed at, once the checkpoint has been restored
     */
    public record Request(TrainConfig cfg, Dataset data, RunDir dir, boolean resume, Safety safety, PrintStream out,
                          Consumer<Map<String, Object>> onLog, ai.djl.Device device, List<Map<String, Object>> resumeChanges) {
        /** With the default safety settings, no listener, on the default device, no settings changed. */
        public static Request of(TrainConfig cfg, Dataset data, RunDir dir, boolean resume, PrintStream out) {
            return new Request(cfg, data, dir, resume, Safety.DEFAULT, out, line -> { }, ganinv.model.Devices.DEFAULT, List.of());
        }

        public Request safety(Safety value) {
            return new Request(cfg, data, dir, resume, value, out, onLog, device, resumeChanges);
        }

        public Request onLog(Consumer<Map<String, Object>> value) {
            return new Request(cfg, data, dir, resume, safety, out, value, device, resumeChanges);
        }

        public Request device(ai.djl.Device value) {
            return new Request(cfg, data, dir, resume, safety, out, onLog, value, resumeChanges);
        }

        public Request resumeChanges(List<Map<String, Object>> value) {
            return new Request(cfg, data, dir, resume, safety, out, onLog, device, List.copyOf(value));
        }
    }

    /** Trains the request's config in its folder, from scratch or from its newest checkpoint. */
    public static Summary run(Request request) {
        TrainConfig cfg = request.cfg();
        RunDir dir = request.dir();
        Safety safety = request.safety();
        PrintStream out = request.out();
        List<Map<String, Object>> restarts = request.resume() ? dir.readCollapseRestarts() : new ArrayList<>();
        boolean fromCheckpoint = request.resume();
        while (true) {
            try {
                return attempt(request, fromCheckpoint, restarts);
            } catch (CollapseGuard.Collapsed c) {
                CollapseGuard guard = safety.onCollapse();
                if (guard.policy() == CollapsePolicy.STOP || restarts.size() >= guard.maxRestarts()) {
                    String after = guard.policy() == CollapsePolicy.STOP ? "" : " after " + restarts.size() + " restarts";
                    throw new TrainingFailed(c.getMessage() + "; training stopped" + after + " (see " + dir.root().resolve("samples")
                            + "): start again with another --seed" + (after.isEmpty() ? ", or with --on-collapse restart" : ""));
                }
                Map<String, Object> restart = new LinkedHashMap<>();
                restart.put("step", c.step);
                restart.put("term", c.term);
                restart.put("mean", c.mean);
                restart.put("init_seed", initSeed(cfg.seed(), restarts.size() + 1));
                restarts.add(restart);
                out.println(c.getMessage() + "; restarting from fresh weights (attempt " + (restarts.size() + 1) + " of "
                        + (guard.maxRestarts() + 1) + ", weights and latents from seed " + restart.get("init_seed") + ")");
                dir.clearForRestart();
                fromCheckpoint = false;
            }
        }
    }

    /**
     * Where attempt {@code attempt} draws its initial weights and its latents from: the run's seed
     * for the first, and a seed derived from it after each collapse restart (the data order and
     * the sample grids' latents stay those of the run's seed).
     */
    static long initSeed(long seed, int attempt) {
        return seed + 1_000_003L * attempt;
    }

    private static Summary attempt(Request request, boolean resume, List<Map<String, Object>> restarts) {
        TrainConfig cfg = request.cfg();
        Dataset data = request.data();
        RunDir dir = request.dir();
        Safety safety = request.safety();
        PrintStream out = request.out();
        try (NDManager manager = NDManager.newBaseManager(request.device())) {
            long seed = initSeed(cfg.seed(), restarts.size());
            Engine.getInstance().setRandomSeed((int) seed);
            GanMethod method = Methods.create(cfg.method(), cfg.net(), cfg.prior(), cfg.options(), manager);
            Rng rng = new Rng(seed);
            Loop.Resumed from = new Loop.Resumed(null, 0);
            if (resume) {
                from = Loop.resume(dir, method, rng, out);
                out.println("resuming " + dir.root() + " at step " + from.step() + " of " + cfg.steps());
            }
            Map<String, Object> json = RunConfigJson.of(cfg, data.describe());
            if (!restarts.isEmpty()) {
                json.put(RunDir.COLLAPSE_RESTARTS, restarts);
            }
            // Kept through collapse restarts too: config.json exists here only if this run wrote it.
            List<Map<String, Object>> changes = new ArrayList<>(
                    java.nio.file.Files.exists(dir.configFile()) ? dir.readResumeChanges() : List.of());
            if (resume) {                                  // recorded once the checkpoint is restored, at its step
                for (Map<String, Object> change : request.resumeChanges()) {
                    Map<String, Object> at = new LinkedHashMap<>();
                    at.put("step", from.step());
                    at.putAll(change);
                    changes.add(at);
                }
            }
            if (!changes.isEmpty()) {
                json.put(RunDir.RESUME_CHANGES, changes);
            }
            dir.writeConfig(json);
            out.println("data: " + data.describe());
            out.println(method.name() + ": " + method.networks().values().stream()
                    .map(n -> n.name() + " " + n.parameterCount() + " parameters").collect(Collectors.joining(", ")));

            BatchOrder order = new BatchOrder(data.size(), cfg.seed());
            float[] fixedZ = method.prior().sample(new Rng(cfg.seed() ^ SAMPLE_SEED), 64, cfg.net().latentDim());
            CollapseGuard.Watch watch = safety.onCollapse().watch();
            Loop.Job job = new Loop.Job(method, rng) {
                @Override
                Map<String, Double> step(NDManager scope, long step) {
                    method.startEpoch(step * cfg.batch() / epochImages(data));
                    NDArray real = batch(scope, data, order.indices(step, cfg.batch()));   // [B, C, R, R]
                    Map<String, Double> losses = method.step(scope, real, rng);
                    try {
                        watch.check(step + 1, losses);
                    } catch (CollapseGuard.Collapsed c) {
                        writeSamples(dir.sampleGrid(step + 1));    // what G draws as it dies: kept if this is the last attempt
                        throw c;
                    }
                    return losses;
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
            Loop.Result r = Loop.run(Loop.Phase.of("train", job, dir, manager, schedule).from(from)
                    .onNonFinite(safety.onNonFinite()).out(out).onLog(request.onLog()));
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
