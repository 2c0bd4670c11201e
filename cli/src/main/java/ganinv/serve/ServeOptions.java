package ganinv.serve;

import ganinv.api.types.BadInputException;

import java.nio.file.Path;

/**
 * How {@code ganinv serve} runs.
 *
 * @param directions a folder of .npy directions (from {@code ganinv direction}), or null
 * @param maxUpload the largest upload accepted, in bytes
 * @param sliders how many of the most important latent elements get a slider
 * @param refineSteps Adam steps of a hybrid refinement
 * @param renderers model calls (encoder passes, renders) allowed at once, and image decodes at once; more wait their turn
 * @param maxPixels the most pixels an uploaded image's header may claim (decoding takes up to 4 bytes a pixel)
 * @param encoder the encoder that inverts uploads, or null for the run's default (the fitted one when there is one)
 */
public record ServeOptions(Path run, String host, int port, Path directions, long maxUpload, int sliders, int refineSteps,
                           int renderers, long maxPixels, String device, ganinv.api.types.EncoderChoice encoder) {
    /** What {@code serve} allows by default: 25 megapixels, a 6000x4000 photo; at most 100 MB decoded. */
    public static final long DEFAULT_MAX_PIXELS = 25_000_000L;

    /** With the default {@code --max-pixels}. */
    public ServeOptions(Path run, String host, int port, Path directions, long maxUpload, int sliders, int refineSteps, int renderers) {
        this(run, host, port, directions, maxUpload, sliders, refineSteps, renderers, DEFAULT_MAX_PIXELS);
    }

    /** On the CPU. */
    public ServeOptions(Path run, String host, int port, Path directions, long maxUpload, int sliders, int refineSteps,
                        int renderers, long maxPixels) {
        this(run, host, port, directions, maxUpload, sliders, refineSteps, renderers, maxPixels, "cpu", null);
    }

    public ServeOptions {
        if (maxPixels < 1) {
            throw new BadInputException("--max-pixels " + maxPixels + ": must be at least 1", null);
        }
        if (port < 0 || port > 65535) {
            throw new BadInputException("--port " + port + ": must be 0..65535 (0: any free port)", null);
        }
        if (maxUpload < 1024) {
            throw new BadInputException("--max-upload " + maxUpload + ": must be at least 1024 bytes", null);
        }
        if (sliders < 1 || refineSteps < 1 || renderers < 1) {
            throw new BadInputException("--sliders, --refine-steps and --renderers must be at least 1", null);
        }
    }
}
