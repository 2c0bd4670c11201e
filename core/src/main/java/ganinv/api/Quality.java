package ganinv.api;

import ganinv.api.types.BadInputException;
import ganinv.data.ImageFolderLoader;
import ganinv.metrics.ImagePairs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ganinv.data.ImageCodec;
import ganinv.metrics.ColourSpread;
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
     * The spread of the images' mean colours: the standard deviation over the images of each RGB
     * channel's mean (in [0, 1]), averaged over the channels. One-colour samples score near 0; read
     * it against the real images' figure.
     *
     * @param images two or more images, any sizes
     * @return the spread
     * @throws BadInputException for fewer than two images
     */
    public static double colourSpread(List<BufferedImage> images) {
        Guard.require(images != null && images.size() >= 2 && images.stream().allMatch(java.util.Objects::nonNull),
                "images: need at least two, none null");
        return Guard.call(() -> ColourSpread.of(images.stream().map(ImageCodec::rgb8).toList(), 3));
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

    /**
     * Scores image pairs in a run's channels: a gray run's images (R = G = B, as {@link GanRun}
     * returns them) are scored on one channel, exactly as {@code ganinv invert} scores them.
     *
     * @param names one name per pair
     * @param references the originals
     * @param candidates the reconstructions, one per original, of its size
     * @param channels 1 or 3: the channels to score
     * @return the scores, in the order given
     */
    public static PairScores pairs(List<String> names, List<BufferedImage> references, List<BufferedImage> candidates,
                                   int channels) {
        Guard.require(names != null && references != null && candidates != null && names.size() == references.size()
                && names.size() == candidates.size(), "quality: give one name, one reference and one candidate per pair");
        Guard.require(channels == 1 || channels == 3, "quality: channels " + channels + ": must be 1 or 3");
        List<PairScores.Score> scores = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            BufferedImage a = references.get(i);
            BufferedImage b = candidates.get(i);
            checkSizes(a, b);
            scores.add(score(names.get(i), a, b, channels));
        }
        return new PairScores(scores, 0);
    }

    /**
     * Scores the images of {@code candidate} against the images of {@code reference} with the same
     * relative path without extension ({@code a.jpg} pairs with {@code a.png}), in RGB, as
     * {@code ganinv metrics} does.
     *
     * @param reference folder of originals (searched recursively)
     * @param candidate folder of images to score against them
     * @return the scores in the reference's sorted path order, and how many references had no candidate
     * @throws BadInputException for sizes that differ, images under 11×11, or no pair at all
     */
    public static PairScores pairFolders(Path reference, Path candidate) {
        Guard.require(reference != null && candidate != null, "quality: both folders are needed");
        return Guard.call(() -> {
            Map<String, Path> candidates = new LinkedHashMap<>();
            for (Path p : ImageFolderLoader.listImages(candidate)) {
                candidates.put(key(candidate, p), p);
            }
            List<PairScores.Score> scores = new ArrayList<>();
            int unpaired = 0;
            for (Path ref : ImageFolderLoader.listImages(reference)) {
                Path cand = candidates.get(key(reference, ref));
                if (cand == null) {
                    unpaired++;
                    continue;
                }
                BufferedImage a = ImageCodec.decode(ref);
                BufferedImage b = ImageCodec.decode(cand);
                if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
                    throw new BadInputException(cand + ": " + b.getWidth() + "x" + b.getHeight() + " but its reference " + ref
                            + " is " + a.getWidth() + "x" + a.getHeight() + "; compare images of the same size", null);
                }
                if (a.getWidth() < 11 || a.getHeight() < 11) {
                    throw new BadInputException(ref + ": " + a.getWidth() + "x" + a.getHeight()
                            + " is too small for SSIM's 11x11 window", null);
                }
                scores.add(score(key(reference, ref), a, b, 3));
            }
            if (scores.isEmpty()) {
                throw new BadInputException("--candidate " + candidate + ": no image has the same relative name as one in"
                        + " --reference " + reference, null);
            }
            return new PairScores(scores, unpaired);
        });
    }

    private static PairScores.Score score(String name, BufferedImage a, BufferedImage b, int channels) {
        byte[] x = planes(a, channels);
        byte[] y = planes(b, channels);
        ImagePairs.Score s = new ImagePairs().add(name, x, y, channels, a.getHeight(), a.getWidth());
        return new PairScores.Score(s.name(), s.psnr(), s.ssim());
    }

    /** [C, H, W]: the RGB planes, or for one channel the first (gray images have R = G = B). */
    private static byte[] planes(BufferedImage image, int channels) {
        byte[] rgb = ImageCodec.rgb8(image);
        return channels == 3 ? rgb : java.util.Arrays.copyOf(rgb, image.getWidth() * image.getHeight());
    }

    private static String key(Path root, Path file) {
        String rel = root.relativize(file).toString().replace('\\', '/');
        int dot = rel.lastIndexOf('.');
        return dot > rel.lastIndexOf('/') ? rel.substring(0, dot) : rel;
    }

    private static void checkSizes(BufferedImage a, BufferedImage b) {
        Guard.require(a != null && b != null, "quality: both images are needed, got null");
        Guard.require(a.getWidth() == b.getWidth() && a.getHeight() == b.getHeight(), "quality: the images are "
                + a.getWidth() + "x" + a.getHeight() + " and " + b.getWidth() + "x" + b.getHeight() + "; compare images of one size");
    }
}
