package ganinv.model;

import ganinv.api.types.GeneratorOutput;
import ganinv.api.types.Architecture;
import ganinv.UserError;

/**
 * Size and family of a run's networks: resolution R = 4·2^k, channels C, width W, latent d, the
 * architecture, and for {@code stylegan2} the mapping depth and the widest layer. Validated here
 * so that every command that builds networks rejects the same bad flags. Configs written before
 * the architecture existed read as dcgan-up, and before the output layer existed as tanh (what they
 * were trained with).
 *
 * @param width dcgan-up: feature maps of every layer; stylegan2: feature maps at R x R, doubling
 *     at each halving of the resolution up to {@code maxWidth}
 * @param mappingLayers stylegan2: fully connected layers of the mapping network (0: w = z∘s)
 * @param maxWidth stylegan2: the cap of the width schedule
 * @param output dcgan-up: what ends G (stylegan2 always ends linear)
 * @param modulated dcgan-up: whether z scales every stage's channels ({@link ModulatedGenerator});
 *     configs written before it existed read as false (stylegan2 always modulates)
 */
public record NetConfig(int resolution, int channels, int width, int latentDim, Architecture arch, int mappingLayers,
                        int maxWidth, GeneratorOutput output, boolean modulated) {
    public NetConfig {
        arch = arch == null ? Architecture.DCGAN_UP : arch;
        output = arch == Architecture.STYLEGAN2 ? GeneratorOutput.LINEAR : output == null ? GeneratorOutput.TANH : output;
        if (resolution < 8 || resolution > 256 || Integer.bitCount(resolution) != 1) {
            throw new UserError("--resolution " + resolution + ": must be 4·2^k with k >= 1 (8, 16, 32, 64, 128 or 256)");
        }
        if (channels != 1 && channels != 3) {
            throw new UserError("--channels " + channels + ": must be 1 (gray) or 3 (RGB)");
        }
        if (width < 1 || width > 4096) {
            throw new UserError("--width " + width + ": must be between 1 and 4096");
        }
        if (latentDim < 1 || latentDim > 65536) {
            throw new UserError("--latent-dim " + latentDim + ": must be between 1 and 65536");
        }
        if (arch == Architecture.STYLEGAN2) {
            modulated = false;                                   // the family's own modulation; normalised, so equal configs compare equal
        }
        if (arch == Architecture.DCGAN_UP) {
            mappingLayers = 0;                                   // not part of the family: normalised, so equal configs compare equal
            maxWidth = width;
        }
        if (mappingLayers < 0 || mappingLayers > 8) {
            throw new UserError("--mapping-layers " + mappingLayers + ": must be between 0 and 8");
        }
        if (maxWidth < width || maxWidth > 4096) {
            throw new UserError("--max-width " + maxWidth + ": must be between --width (" + width + ") and 4096");
        }
    }

    /**
     * The networks the flags describe: {@code width} null takes the family's default (dcgan-up 64,
     * stylegan2 16), and dcgan-up, which has no schedule, ignores {@code maxWidth}.
     */
    public static NetConfig of(Architecture a, int resolution, int channels, Integer width, int latentDim, int mappingLayers,
                               int maxWidth, GeneratorOutput output, boolean modulated) {
        a = a == null ? Architecture.DCGAN_UP : a;
        int w = width != null ? width : a == Architecture.DCGAN_UP ? 64 : 16;
        return new NetConfig(resolution, channels, w, latentDim, a, mappingLayers, Math.max(maxWidth, a == Architecture.DCGAN_UP ? w : 0),
                output, modulated);
    }

    /** Without modulation, as every run before it existed. */
    public NetConfig(int resolution, int channels, int width, int latentDim, Architecture arch, int mappingLayers, int maxWidth,
                     GeneratorOutput output) {
        this(resolution, channels, width, latentDim, arch, mappingLayers, maxWidth, output, false);
    }

    /** Without an output layer named: tanh for dcgan-up, as every run before the option. */
    public NetConfig(int resolution, int channels, int width, int latentDim, Architecture arch, int mappingLayers, int maxWidth) {
        this(resolution, channels, width, latentDim, arch, mappingLayers, maxWidth, null);
    }

    /** A dcgan-up network ending in tanh. */
    public NetConfig(int resolution, int channels, int width, int latentDim) {
        this(resolution, channels, width, latentDim, Architecture.DCGAN_UP, 0, width);
    }

    /** k: the number of x2 stages between 4x4 and R x R. */
    public int stages() {
        return Integer.numberOfTrailingZeros(resolution) - 2;
    }

    /** Feature maps at side {@code side} (4 <= side <= R): W for dcgan-up; min(maxWidth, W·R/side) for stylegan2. */
    public int widthAt(int side) {
        return arch == Architecture.DCGAN_UP ? width : (int) Math.min(maxWidth, (long) width * (resolution / side));
    }
}
