package ganinv.api;

import java.nio.file.Path;

/**
 * Where an encoder fit stands.
 *
 * @param folder the run's encoder folder
 * @param step steps done
 * @param seconds time this call spent fitting
 * @param heldOutErrorBefore ‖z − E(G(z))‖²/d on 256 held-out latents when this call started
 * @param heldOutError the same at the end
 * @param psnrBefore a real-image fit's PSNR (dB) of G(E(x)) against x on the first 256 of its
 *                   images when this call started; NaN for a fit from pairs
 * @param psnr the same at the end
 * @param checkpoint the newest checkpoint
 * @param samples the newest sample grid (rows alternate the images and their reconstructions
 *                G(E(x)); for a pairs fit the images are G(z))
 */
public record EncoderFitResult(Path folder, long step, double seconds, double heldOutErrorBefore, double heldOutError,
                               double psnrBefore, double psnr, Path checkpoint, Path samples) {
}
