package ganinv.cli;

import ganinv.model.NetConfig;
import picocli.CommandLine.Option;

/** The size of a dcgan-up network, for every command that builds one from flags ({@code train}, {@code bench}). */
final class NetOptions {
    @Option(names = "--latent-dim", defaultValue = "64", description = "Latent size d. Default: ${DEFAULT-VALUE}.")
    int latentDim;

    @Option(names = "--resolution", defaultValue = "32", description = "Image side R = 4·2^k. Default: ${DEFAULT-VALUE}.")
    int resolution;

    @Option(names = "--channels", defaultValue = "3", description = "1 (gray) or 3 (RGB). Default: ${DEFAULT-VALUE}.")
    int channels;

    @Option(names = "--width", defaultValue = "64", description = "Feature maps per layer W. Default: ${DEFAULT-VALUE}.")
    int width;

    /** Validated by {@link NetConfig}'s constructor: a bad flag is one line naming it. */
    NetConfig net() {
        return new NetConfig(resolution, channels, width, latentDim);
    }
}
