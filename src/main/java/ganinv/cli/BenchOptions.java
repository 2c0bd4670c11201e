package ganinv.cli;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import ganinv.UserError;
import ganinv.model.NetConfig;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** What every benchmark shares: the size of the dcgan-up network and libtorch's thread count. */
final class BenchOptions {
    @Option(names = "--resolution", defaultValue = "32", description = "Image side R = 4·2^k. Default: ${DEFAULT-VALUE}.")
    int resolution;

    @Option(names = "--channels", defaultValue = "3", description = "1 or 3. Default: ${DEFAULT-VALUE}.")
    int channels;

    @Option(names = "--width", defaultValue = "64", description = "Feature maps per layer W. Default: ${DEFAULT-VALUE}.")
    int width;

    @Option(names = "--latent-dim", defaultValue = "64", description = "Latent size d. Default: ${DEFAULT-VALUE}.")
    int latentDim;

    @Option(names = "--threads", defaultValue = "0",
            description = "libtorch threads; 0 keeps the launcher's (GANINV_THREADS, default all cores). Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--warmup", defaultValue = "5",
            description = "Untimed steps (bench invert --mode encoder: passes) before timing starts. Default: ${DEFAULT-VALUE}.")
    int warmup;

    @Option(names = "--profile", paramLabel = "FILE",
            description = "Also write libtorch's profile of the timed part to FILE, a Chrome trace (chrome://tracing or Perfetto).")
    Path profile;

    NetConfig net() {
        return new NetConfig(resolution, channels, width, latentDim);
    }

    /** Sets libtorch's intra-op thread count (0: leave it); returns the count in use. */
    int applyThreads() {
        if (threads < 0) {
            throw new UserError("--threads " + threads + ": must be 0 (the launcher's setting) or more");
        }
        Engine.getInstance();                        // loads libtorch before its thread pool is touched
        if (threads > 0) {
            JniUtils.setNumThreads(threads);
        }
        return JniUtils.getNumThreads();
    }
}
