package ganinv.cli;

import ganinv.api.EvaluationSettings;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Which real images and features a measurement uses; a picocli mixin of evaluate and report. */
final class FeatureOptions {
    @Option(names = "--seed", defaultValue = "1000003",
            description = "Seed of the shapes drawn (default: the demo's held-out seed), of the random sample of a folder, IDX or CIFAR-10 source larger than --count, and of the generated latents. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--inception", description = "NVIDIA's TorchScript inception-2015-12-05.pt for real FID/KID. Default: the fallback features.")
    Path inception;

    @Option(names = "--classifier", description = "A 'ganinv train-classifier' file: fid/kid over its features, plus classes_covered,"
            + " class_kl, class_kept_encoder and classifier_accuracy. Default: none (the fallback features).")
    Path classifier;

    @Option(names = "--hybrid", defaultValue = "0", paramLabel = "N",
            description = "Also invert the first N real images by hybrid (invert --mode hybrid's defaults): psnr_hybrid,"
                    + " ssim_hybrid and, with --classifier, class_kept_hybrid. Default: ${DEFAULT-VALUE}.")
    int hybrid;

    EvaluationSettings settings(int count) {
        return new EvaluationSettings(count, seed, inception, classifier, hybrid);
    }
}
