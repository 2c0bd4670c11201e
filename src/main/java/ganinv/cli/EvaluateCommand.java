package ganinv.cli;

import ganinv.UserError;
import ganinv.data.DataSpec;
import ganinv.data.Dataset;
import ganinv.metrics.Evaluation;
import ganinv.model.NetConfig;
import ganinv.report.JsonFiles;
import ganinv.train.TrainedRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code ganinv evaluate}: every measurement of a run, as one JSON object. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure a run on N real and N generated images: fid and kid (over the named features),",
                "encoder_loss, psnr/ssim of reconstructions of generated and of real images, latent_entropy",
                "(dlsgan) and probe_accuracy (labelled data: a logistic-regression probe on encoder codes,",
                "trained on even rows and scored on odd rows). Writes one JSON object to --json."},
        footer = {"", "Example:", "  ./ganinv evaluate --run runs/dls --data shapes --json runs/dls/evaluate.json --count 1000"})
public final class EvaluateCommand implements Callable<Integer> {
    @Option(names = "--run", required = true, description = "A run folder made by 'ganinv train'.")
    Path run;

    @Option(names = "--data", required = true, description = "The real images: shapes, a folder, IDX or CIFAR-10.")
    String data;

    @Option(names = "--json", required = true, description = "The JSON file to write.")
    Path json;

    @Option(names = "--count", defaultValue = "1000", description = "N, real and generated images each. Default: ${DEFAULT-VALUE}.")
    int count;

    @Option(names = "--seed", defaultValue = "1000003",
            description = "Seed of the shapes drawn (default: the demo's held-out seed) and of the generated latents. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Override
    public Integer call() {
        if (count < 10) {
            throw new UserError("--count " + count + ": must be at least 10 (statistics over fewer images mean little)");
        }
        try (TrainedRun trained = TrainedRun.load(run)) {
            NetConfig net = trained.method().net();
            Dataset set = DataSpec.parse(data).open(net.channels(), net.resolution(), seed, count, System.err);
            int n = (int) (set.size() < 0 ? count : Math.min(count, set.size()));
            List<byte[]> real = new ArrayList<>(n);
            int[] labels = set.hasLabels() ? new int[n] : null;
            for (int i = 0; i < n; i++) {
                real.add(set.pixels(i));
                if (labels != null) {
                    labels[i] = set.label(i);
                }
            }
            boolean hasEncoder = canInvert(trained);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("run", run.toString());
            result.put("method", trained.method().name());
            result.put("step", trained.step());
            result.put("data", set.describe());
            result.putAll(Evaluation.run(trained.method(), trained.manager(), real, labels, set.classNames().size(),
                    hasEncoder, seed));
            if (!hasEncoder) {
                result.put("encoder", "none fitted; run './ganinv fit-encoder --run " + run + "' for the encoder measurements");
            }
            JsonFiles.write(json, result);
            StringBuilder line = new StringBuilder();
            result.forEach((k, v) -> {
                if (v instanceof Double x) {
                    line.append(String.format(Locale.ROOT, "  %s %.4g", k, x));
                }
            });
            System.out.println(trained.method().name() + " at step " + trained.step() + " over " + n + " images, features "
                    + result.get("features") + ":" + line);
            System.out.println("written to " + json);
        }
        return 0;
    }

    private static boolean canInvert(TrainedRun trained) {
        try {
            trained.requireEncoder();
            return true;
        } catch (UserError e) {
            return false;
        }
    }
}
