package ganinv.cli;

import ganinv.api.types.GeneratorOutput;
import ganinv.api.types.Architecture;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import ganinv.UserError;
import ganinv.model.NetConfig;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** What every benchmark shares: the size of the dcgan-up network, libtorch's thread count, warm-up and profiling. */
final class BenchOptions {
    @Option(names = "--threads", defaultValue = "0",
            description = "libtorch threads; 0 keeps the launcher's (GANINV_THREADS, default all cores). Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--warmup", defaultValue = "5",
            description = "Untimed steps (bench invert --mode encoder: passes) before timing starts. Default: ${DEFAULT-VALUE}.")
    int warmup;

    @Option(names = "--profile", paramLabel = "FILE",
            description = "Also write libtorch's profile of the timed part to FILE, a Chrome trace (chrome://tracing or Perfetto).")
    Path profile;

    @Mixin
    NetOptions network;

    @Option(names = "--device", defaultValue = "cpu", description = "Where the networks run: cpu, gpu or gpu:N."
            + " Default: ${DEFAULT-VALUE}.")
    String device;

    ai.djl.Device device() {
        return ganinv.model.Devices.parse(device);
    }

    NetConfig net() {
        NetOptions n = network;        // validated by NetConfig's constructor: a bad flag is one line naming it
        return NetConfig.of(Architecture.parse(n.arch), n.resolution, n.channels, n.width, n.latentDim, n.mappingLayers, n.maxWidth,
                GeneratorOutput.parse(n.gOutput), n.gModulation);
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

    /** The benchmarks time the internals directly, past the API: their user errors are translated here. */
    static Integer translated(java.util.concurrent.Callable<Integer> body) throws Exception {
        try {
            return body.call();
        } catch (ganinv.UserError e) {
            throw new ganinv.api.types.BadInputException(e.getMessage(), e);
        }
    }
}
