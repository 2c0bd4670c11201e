package ganinv.invert;

import java.util.List;

/**
 * What an inverter returns for N images.
 *
 * @param codes [N, d] row-major, in the units the generator takes
 * @param reconstructions G(code) per image, 8-bit [C, H, W]
 * @param lossHistory the mean reconstruction objective after each optimisation step (over images
 *                    and restarts); empty for a one-pass encoder
 */
public record Inversion(int count, int latentDim, float[] codes, List<byte[]> reconstructions, double[] lossHistory) {
    public Inversion {
        if (codes.length != (long) count * latentDim || reconstructions.size() != count) {
            throw new IllegalArgumentException("inconsistent inversion of " + count + " images");
        }
    }

    /** An inversion without optimisation steps. */
    public Inversion(int count, int latentDim, float[] codes, List<byte[]> reconstructions) {
        this(count, latentDim, codes, reconstructions, new double[0]);
    }
}
