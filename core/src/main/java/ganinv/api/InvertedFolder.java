package ganinv.api;

import java.util.List;

/**
 * The codes of a folder's images.
 *
 * @param names each image's path relative to the folder, '/'-separated, in sorted path order
 *              (the order of {@code ganinv invert}'s metrics.json and latents.npy)
 * @param codes one latent code per image, [N][d], in the units {@link GanRun#render} takes
 */
public record InvertedFolder(List<String> names, float[][] codes) {
}
