package ganinv.bench;

import ganinv.api.types.Updates;
import ganinv.api.types.ScaleTracker;
import ganinv.api.types.Method;
import ganinv.api.types.LatentDistribution;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ganinv.UserError;
import ganinv.model.NetConfig;
import ganinv.model.Network;
import ganinv.objective.DlsOptions;
import ganinv.objective.GanMethod;
import ganinv.objective.MethodOptions;
import ganinv.objective.Methods;
import ganinv.train.ProcessMemory;
import ganinv.random.Rng;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;


/**
 * Full training steps of a method on fixed random images, timed after a warm-up: the project's
 * side of the comparison with {@code shared/bench/torch_dlsgan_step.py}. Like the peer, it cycles
 * through 8 batches of uniform noise in [-1, 1], and DLSGAN tracks its scale by EMA (v ← 0.999·v +
 * 0.001·mean(z'²)); everything else is the method's real step, as {@code train} runs it, each step
 * in its own scope.
 */
public final class TrainBench {
    /**
     * @param method the training method
     * @param warmup untimed steps first (allocator and kernel caches settle)
     */
    public record Settings(Method method, NetConfig net, int batch, int steps, int warmup) {
        public Settings {
            if (batch < 1) {
                throw new UserError("--batch " + batch + ": must be at least 1");
            }
            if (steps < 1) {
                throw new UserError("--steps " + steps + ": must be at least 1");
            }
            if (warmup < 0) {
                throw new UserError("--warmup " + warmup + ": must be 0 or more");
            }
        }
    }

    /**
     * @param parameters trainable parameters per network, in the method's order
     * @param seconds wall time of the timed steps
     * @param flopsPerStep the analytic count of {@link StepFlops}
     * @param rssAfterWarmup resident MiB when timing starts; {@code rssAtEnd} when it stops
     * @param heapAfterWarmup the Java heap's committed MiB then (part of the RSS); {@code heapAtEnd} at the end
     * @param stepMillis the wall time of each timed step, in order: a slow run shows whether every
     *                   step was slow or a few stalled
     */
    public record Result(Map<String, Long> parameters, int batch, int steps, double seconds, double flopsPerStep,
                         double rssAfterWarmup, double rssAtEnd, double heapAfterWarmup, double heapAtEnd, double[] stepMillis,
                         StepMemory memory) {
        public double imagesPerSecond() {
            return steps * (double) batch / seconds;
        }

        public double gflopsPerSecond() {
            return flopsPerStep * steps / seconds / 1e9;
        }

        /** RSS growth over the timed steps, in percent of the RSS after warm-up. */
        public double rssDriftPercent() {
            return 100 * (rssAtEnd - rssAfterWarmup) / rssAfterWarmup;
        }
    }

    private TrainBench() {
    }

    /** Runs the warm-up and the timed steps; with a {@code profile} file, libtorch's profiler traces the timed steps into it. */
    public static Result run(Settings s, Path profile) {
        return run(s, profile, ganinv.model.Devices.DEFAULT);
    }

    /** As above, on {@code device}. */
    public static Result run(Settings s, Path profile, ai.djl.Device device) {
        try (NDManager manager = NDManager.newBaseManager(device)) {
            Engine.getInstance().setRandomSeed(0);
            StepMemory.Start start0 = StepMemory.start();
            GanMethod method = Methods.create(s.method(), s.net(), LatentDistribution.NORMAL, options(s.method()), manager);
            Map<String, Long> parameters = new LinkedHashMap<>();
            for (Network n : method.networks().values()) {
                parameters.put(n.name(), n.parameterCount());
            }
            NetConfig c = s.net();
            Shape one = new Shape(s.batch(), c.channels(), c.resolution(), c.resolution());
            NDArray pool = manager.randomUniform(-1, 1, new Shape(8L * s.batch()).addAll(one.slice(1)));  // 8 batches
            Rng rng = new Rng(0);
            double rssAfterWarmup = ProcessMemory.residentMiB();
            double heapAfterWarmup = ProcessMemory.javaHeapMiB();
            Profile trace = Profile.start(null);
            long start = System.nanoTime();
            double[] stepMillis = new double[s.steps()];
            for (int step = 0; step < s.warmup() + s.steps(); step++) {
                if (step == s.warmup()) {
                    rssAfterWarmup = ProcessMemory.residentMiB();
                    heapAfterWarmup = ProcessMemory.javaHeapMiB();
                    trace = Profile.start(profile);
                    start = System.nanoTime();
                }
                long stepStart = System.nanoTime();
                step(manager, method, pool, s.batch(), step, rng);
                if (step >= s.warmup()) {
                    stepMillis[step - s.warmup()] = (System.nanoTime() - stepStart) / 1e6;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            trace.close();
            double rssAtEnd = ProcessMemory.residentMiB();
            double heapAtEnd = ProcessMemory.javaHeapMiB();
            // Untimed steps that look inside: the probe's reads stay out of the timing.
            int done = s.warmup() + s.steps();
            StepMemory memory = StepMemory.measure(start0, method, 2, i -> step(manager, method, pool, s.batch(), done + i, rng));
            return new Result(parameters, s.batch(), s.steps(), seconds, StepFlops.of(s.method(), c, s.batch()),
                    rssAfterWarmup, rssAtEnd, heapAfterWarmup, heapAtEnd, stepMillis, memory);
        }
    }

    /** One training step on batch {@code step % 8} of the pool, in its own scope. */
    private static void step(NDManager manager, GanMethod method, NDArray pool, int batch, int step, Rng rng) {
        try (NDManager scope = manager.newSubManager()) {
            int from = (step % 8) * batch;
            NDArray real = pool.get(from + ":" + (from + batch));                    // [B, C, R, R]
            real.attach(scope);
            method.step(scope, real, rng);
        }
    }

    /** The method's defaults; DLSGAN as the peer: the EMA tracker, the paper's λ_r1 = 10, alternating updates. */
    private static MethodOptions options(Method method) {
        MethodOptions o = Methods.defaults(method);
        if (method != Method.DLSGAN) {
            return o;
        }
        DlsOptions p = o.dls();
        DlsOptions ema = new DlsOptions(DlsOptions.PAPER.r1Weight(), p.lrDecay(), ScaleTracker.EMA, p.encoderLossOn(), p.dynamicScale(), Updates.ALTERNATING);
        return new MethodOptions(o.lambda(), o.regressGenerator(), o.learningRate(), o.beta1(), o.beta2(), ema);
    }
}
