package ganinv.bench;

import ganinv.api.types.InvertMode;
import ganinv.api.types.Method;
import ganinv.api.types.InvertLoss;
import ganinv.api.types.LatentDistribution;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ganinv.UserError;
import ganinv.invert.EncoderInverter;
import ganinv.invert.OptimizationInverter;
import ganinv.invert.OptimizeSettings;
import ganinv.model.NetConfig;
import ganinv.objective.GanMethod;
import ganinv.objective.Methods;
import ganinv.random.Rng;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Inversion throughput on random weights and random 8-bit images, through the same inverters that
 * {@code invert} uses. Encoder: images turned into codes per second (decoding the reconstructions
 * is not part of it). Optimise: image-steps per second, l2 loss, one start.
 */
public final class InvertBench {
    /**
     * @param mode encoder or optimize (hybrid, the two in turn, is not timed here)
     * @param rounds encoder: passes over {@code batches} batches; optimize: Adam steps on z
     */
    public record Settings(InvertMode mode, Method method, NetConfig net, int batch, int rounds, int warmup) {
        public Settings {
            if (mode == null || mode == InvertMode.HYBRID) {
                throw new UserError("--mode " + mode + ": choose encoder or optimize");
            }
            if (batch < 1) {
                throw new UserError("--batch " + batch + ": must be at least 1");
            }
            if (rounds < 1) {
                throw new UserError("--steps " + rounds + ": must be at least 1");
            }
            if (warmup < 0) {
                throw new UserError("--warmup " + warmup + ": must be 0 or more");
            }
        }
    }

    /** @param images images inverted (encoder) or image-steps taken (optimize) in {@code seconds} */
    public record Result(long images, double seconds) {
        public double imagesPerSecond() {
            return images / seconds;
        }
    }

    /** Encoder mode inverts this many batches per round, so that a round is long enough to time. */
    static final int BATCHES = 8;

    private InvertBench() {
    }

    /** Runs the warm-up and the timed work; with a {@code profile} file, libtorch's profiler traces the timed work into it. */
    public static Result run(Settings s, Path profile) {
        return run(s, profile, ganinv.model.Devices.DEFAULT);
    }

    /** As above, on {@code device}. */
    public static Result run(Settings s, Path profile, ai.djl.Device device) {
        try (NDManager manager = NDManager.newBaseManager(device)) {
            Engine.getInstance().setRandomSeed(0);
            GanMethod method = Methods.create(s.method(), s.net(), LatentDistribution.NORMAL, Methods.defaults(s.method()), manager);
            if (!method.hasEncoder()) {
                throw new UserError("--method " + s.method() + ": has no encoder of its own; choose dlsgan, latent-regression or bigan");
            }
            if (s.mode() == InvertMode.ENCODER) {
                List<byte[]> images = images(s.net(), s.batch() * BATCHES);
                EncoderInverter inverter = new EncoderInverter(method, manager, s.batch());
                for (int i = 0; i < s.warmup(); i++) {
                    inverter.codes(images);
                }
                try (Profile p = Profile.start(profile)) {
                    long start = System.nanoTime();
                    for (int i = 0; i < s.rounds(); i++) {
                        inverter.codes(images);
                    }
                    return new Result((long) s.rounds() * images.size(), (System.nanoTime() - start) / 1e9);
                }
            }
            List<byte[]> images = images(s.net(), s.batch());
            if (s.warmup() > 0) {
                optimizer(method, manager, s.warmup(), s.batch()).invert(images);
            }
            OptimizationInverter timed = optimizer(method, manager, s.rounds(), s.batch());
            try (Profile p = Profile.start(profile)) {
                long start = System.nanoTime();
                timed.invert(images);
                return new Result((long) s.rounds() * images.size(), (System.nanoTime() - start) / 1e9);
            }
        }
    }

    private static OptimizationInverter optimizer(GanMethod method, NDManager manager, int steps, int batch) {
        return new OptimizationInverter(method, manager, new OptimizeSettings(steps, 0.05, InvertLoss.L2, 0, 1, batch, 0), false);
    }

    /** n random 8-bit images [C, R, R]. */
    private static List<byte[]> images(NetConfig c, int n) {
        Rng rng = new Rng(7);
        List<byte[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            byte[] pixels = new byte[c.channels() * c.resolution() * c.resolution()];
            rng.nextBytes(pixels);
            out.add(pixels);
        }
        return out;
    }
}
