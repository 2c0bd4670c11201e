package ganinv.cli;

import ganinv.api.JsonFiles;
import ganinv.api.PairScores;
import ganinv.api.Quality;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code ganinv metrics}: PSNR and SSIM between two folders of images. */
@Command(name = "metrics", mixinStandardHelpOptions = true, sortOptions = false,
        description = "PSNR and SSIM (8-bit, data range 255; SSIM as scikit-image with Gaussian weights) between "
                + "images paired by relative path, ignoring the extension (a.jpg pairs with a.png).",
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
        PairScores pairs = Quality.pairFolders(reference, candidate);
        if (pairs.unpaired() > 0) {
            System.err.println("warning: " + pairs.unpaired() + " reference images have no candidate and were not scored");
        }
        JsonFiles.write(json, pairs.json(Map.of()));
        System.out.printf(Locale.ROOT, "%d pairs: mean PSNR %.2f dB, mean SSIM %.4f -> %s%n", pairs.pairs().size(),
                pairs.meanPsnr(), pairs.meanSsim(), json);
        return 0;
    }
}
