package ganinv.cli;

import picocli.CommandLine.Option;

/** The networks' family and size, for every command that builds networks from flags ({@code train}, {@code bench}). */
final class NetOptions {
    @Option(names = "--arch", description = "Network family: dcgan-up (plain upsample-convolve G, "
            + "pooling D) or stylegan2 (the DLSGAN paper's: mapping network, modulated convolutions, residual D). "
            + "Default: ${DEFAULT-VALUE}.")
    String arch;

    @Option(names = "--latent-dim", defaultValue = "64", description = "Latent size d. Default: ${DEFAULT-VALUE}.")
    int latentDim;

    @Option(names = "--resolution", defaultValue = "32", description = "Image side R = 4·2^k. Default: ${DEFAULT-VALUE}.")
    int resolution;

    @Option(names = "--channels", defaultValue = "3", description = "1 (gray) or 3 (RGB). Default: ${DEFAULT-VALUE}.")
    int channels;

    @Option(names = "--width", description = "dcgan-up: feature maps per layer (default 64). stylegan2: feature maps at "
            + "the top resolution, doubling at each halving toward 4x4 up to --max-width (default 16).")
    Integer width;

    @Option(names = "--max-width", defaultValue = "128", description = "stylegan2: the widest layer of the schedule. "
            + "Default: ${DEFAULT-VALUE}.")
    int maxWidth;

    @Option(names = "--mapping-layers", defaultValue = "2", description = "stylegan2: fully connected layers of the "
            + "mapping network, learning rate x0.01 (0: the styles read z∘s directly). Default: ${DEFAULT-VALUE}.")
    int mappingLayers;

    @Option(names = "--g-output", description = "dcgan-up: what ends G, linear (the last convolution as it is) or tanh"
            + " (its saturated state killed starts of every method). Default: ${DEFAULT-VALUE}.")
    String gOutput;

    @Option(names = "--g-modulation", arity = "1", paramLabel = "true|false",
            description = "dcgan-up: whether z also scales the channels of every stage of G (FiLM), so that it picks each"
                    + " stage's channel mix, colour among them (false: z reaches only the 4x4 start, and samples"
                    + " came out in one colour). Default: ${DEFAULT-VALUE} for dlsgan, false for the other methods.")
    Boolean gModulation;
}
