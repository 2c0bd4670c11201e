package ganinv.api;

import ganinv.data.ImageCodec;
import ganinv.metrics.Psnr;
import ganinv.metrics.Ssim;

import java.awt.image.BufferedImage;

/**
 * Image-pair quality, computed as {@code ganinv invert} and {@code evaluate} compute it: on the
 * 8-bit RGB values of two images of the same size (a gray image counts as R = G = B).
 */
public final class Quality {
    private Quality() {
    }

    /**
     * @param reference the original
     * @param candidate the reconstruction, the reference's width and height
     * @return PSNR in dB over 8-bit values (peak 255); infinite for identical images
     * @throws BadInputException when the sizes differ
     */
    public static double psnr(BufferedImage reference, BufferedImage candidate) {
        checkSizes(reference, candidate);
        return Guard.call(() -> Psnr.of(ImageCodec.rgb8(reference), ImageCodec.rgb8(candidate)));
    }

    /**
     * @param reference the original
     * @param candidate the reconstruction, the reference's width and height
     * @return mean SSIM (Gaussian window σ 1.5, 11×11, per channel), in [-1, 1]
     * @throws BadInputException when the sizes differ
     */
    public static double ssim(BufferedImage reference, BufferedImage candidate) {
        checkSizes(reference, candidate);
        return Guard.call(() -> Ssim.of(ImageCodec.rgb8(reference), ImageCodec.rgb8(candidate), 3,
                reference.getHeight(), reference.getWidth()));
    }

    private static void checkSizes(BufferedImage a, BufferedImage b) {
        Guard.require(a != null && b != null, "quality: both images are needed, got null");
        Guard.require(a.getWidth() == b.getWidth() && a.getHeight() == b.getHeight(), "quality: the images are "
                + a.getWidth() + "x" + a.getHeight() + " and " + b.getWidth() + "x" + b.getHeight() + "; compare images of one size");
    }
}
