package ganinv.model;

import ganinv.UserError;

/**
 * Size of a "dcgan-up" network family: resolution R = 4·2^k, channels C, width W, latent d.
 * Validated here so that every command that builds networks rejects the same bad flags.
 */
public record NetConfig(int resolution, int channels, int width, int latentDim) {
    public NetConfig {
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
    }

    /** k: the number of x2 stages between 4x4 and R x R. */
    public int stages() {
        return Integer.numberOfTrailingZeros(resolution) - 2;
    }
}
