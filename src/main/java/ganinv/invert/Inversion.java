package ganinv.invert;

import java.util.List;

/**
 * What an inverter returns for N images.
 *
 * @param codes [N, d] row-major, in the units the generator takes
 * @param reconstructions G(code) per image, 8-bit [C, H, W]
 */
public record Inversion(int count, int latentDim, float[] codes, List<byte[]> reconstructions) {
    public Inversion {
        if (codes.length != (long) count * latentDim || reconstructions.size() != count) {
            throw new IllegalArgumentException("inconsistent inversion of " + count + " images");
        }
    }
}
