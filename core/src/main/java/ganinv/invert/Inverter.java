package ganinv.invert;

import java.util.List;

/**
 * Finds latent codes for images. Pure: images in, codes and reconstructions out; no files, no
 * printing, and the networks' weights are left as they were.
 */
public interface Inverter {
    /** @param images 8-bit [C, R, R] each, already fitted to the model's shape */
    default Inversion invert(List<byte[]> images) {
        return invert(images, InversionProgress.NONE);
    }

    /** As {@link #invert(List)}, telling {@code progress} how far it is. */
    Inversion invert(List<byte[]> images, InversionProgress progress);

    /** The name used in outputs ("encoder", ...). */
    String mode();
}
