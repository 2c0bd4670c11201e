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
 * @param checkpoint the newest checkpoint
 * @param samples the newest sample grid (rows alternate G(z) and G(E(G(z))))
 */
public record EncoderFitResult(Path folder, long step, double seconds, double heldOutErrorBefore, double heldOutError,
                               Path checkpoint, Path samples) {
}
