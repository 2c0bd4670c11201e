package ganinv.cli;

import ganinv.UserError;
import ganinv.data.ImageCodec;
import ganinv.data.ImageFolderLoader;
import ganinv.metrics.ImagePairs;
import ganinv.data.JsonFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code ganinv metrics}: PSNR and SSIM between two folders of images. */
@Command(name = "metrics", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"PSNR and SSIM (8-bit, data range 255; SSIM as scikit-image with Gaussian weights) between",
                "images paired by relative path, ignoring the extension (a.jpg pairs with a.png)."},
        footer = {"", "Example:", "  ./ganinv metrics --reference photos/ --candidate runs/lr/inverted/reconstructions --json scores.json"})
public final class MetricsCommand implements Callable<Integer> {
    @Option(names = "--reference", required = true, description = "Folder of reference images.")
    Path reference;

    @Option(names = "--candidate", required = true, description = "Folder of images to score against them.")
    Path candidate;

    @Option(names = "--json", required = true, description = "Where to write the scores.")
    Path json;

    @Override
    public Integer call() {
        Map<String, Path> candidates = new LinkedHashMap<>();
        for (Path p : ImageFolderLoader.listImages(candidate)) {
            candidates.put(key(candidate, p), p);
        }
        ImagePairs pairs = new ImagePairs();
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
                throw new UserError(cand + ": " + b.getWidth() + "x" + b.getHeight() + " but its reference " + ref + " is "
                        + a.getWidth() + "x" + a.getHeight() + "; compare images of the same size");
            }
            if (a.getWidth() < 11 || a.getHeight() < 11) {
                throw new UserError(ref + ": " + a.getWidth() + "x" + a.getHeight() + " is too small for SSIM's 11x11 window");
            }
            pairs.add(key(reference, ref), ImageCodec.rgb8(a), ImageCodec.rgb8(b), 3, a.getHeight(), a.getWidth());
        }
        if (pairs.scores().isEmpty()) {
            throw new UserError("--candidate " + candidate + ": no image has the same relative name as one in --reference " + reference);
        }
        if (unpaired > 0) {
            System.err.println("warning: " + unpaired + " reference images have no candidate and were not scored");
        }
        JsonFiles.write(json, pairs.toJson(Map.of()));
        System.out.printf(Locale.ROOT, "%d pairs: mean PSNR %.2f dB, mean SSIM %.4f -> %s%n", pairs.scores().size(),
                pairs.meanPsnr(), pairs.meanSsim(), json);
        return 0;
    }

    private static String key(Path root, Path file) {
        String rel = root.relativize(file).toString().replace('\\', '/');
        int dot = rel.lastIndexOf('.');
        return dot > rel.lastIndexOf('/') ? rel.substring(0, dot) : rel;
    }
}
