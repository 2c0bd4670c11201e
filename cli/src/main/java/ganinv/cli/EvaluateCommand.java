package ganinv.cli;

import ganinv.api.EvaluationSettings;
import ganinv.api.GanRun;
import ganinv.api.JsonFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code ganinv evaluate}: every measurement of a run, as one JSON object. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measure a run on N real and N generated images: fid and kid (over the named features), "
                + "encoder_loss, psnr/ssim of reconstructions of generated and of real images, latent_entropy "
                + "(dlsgan), and for labelled data probe_accuracy (a logistic-regression probe on encoder codes, "
                + "trained on even rows and scored on odd rows), probe_1nn_accuracy (the BiGAN paper's 1-nearest-"
                + "neighbour probe, cosine distance, even rows the reference), probe_chance (always answering the "
                + "most frequent scored class), probe_classes and the split's sizes. With --classifier (made by "
                + "train-classifier): fid/kid over its features, classes_covered, class_kl, class_kept_encoder and "
                + "classifier_accuracy; with --hybrid N: psnr/ssim (and class kept) of hybrid inversion. Writes "
                + "one JSON object to --json.",
        footer = {"", "Examples:", "  ./ganinv evaluate --run runs/dls --data shapes --json runs/dls/evaluate.json --count 1000",
                "  ./ganinv evaluate --run runs/fm --data /usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz \\",
                "      --classifier fmnist.cls --hybrid 32 --json runs/fm/evaluate.json"})
public final class EvaluateCommand extends RunCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "The real images: shapes, a folder, IDX or CIFAR-10.")
    String data;

    @Mixin
    GeneratorOption generator;

    @Mixin
    EncoderOption encoder;

    @Option(names = "--json", required = true, description = "The JSON file to write.")
    Path json;

    @Option(names = "--count", defaultValue = "1000", description = "N, real and generated images each; a larger folder, IDX or CIFAR-10 source gives N images drawn uniformly at random with --seed. Default: ${DEFAULT-VALUE}.")
    int count;

    @Mixin
    FeatureOptions features;

    @Override
    public Integer call() {
        EvaluationSettings settings = features.settings(count);
        try (GanRun gan = generator.open(run, device, encoder.choice())) {
            Map<String, Object> result = gan.evaluate(data, settings).json();
            JsonFiles.write(json, result);
            StringBuilder line = new StringBuilder();
            result.forEach((k, v) -> {
                if (v instanceof Double x) {
                    line.append(String.format(Locale.ROOT, "  %s %.4g", k, x));
                } else if (v instanceof Integer i && (k.startsWith("probe_") || k.startsWith("class"))) {
                    line.append("  ").append(k).append(' ').append(i);
                }
            });
            System.out.println(gan.method() + " at step " + gan.step() + " over " + result.get("count")
                    + " images, features " + result.get("features") + ":" + line);
            System.out.println("written to " + json);
        }
        return 0;
    }
}
