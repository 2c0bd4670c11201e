package ganinv.cli;

import ganinv.api.Evaluation;
import ganinv.api.EvaluationSettings;
import ganinv.api.FittedImages;
import ganinv.api.GanRun;
import ganinv.api.types.EncoderChoice;
import ganinv.api.types.Method;
import ganinv.api.JsonFiles;
import ganinv.report.RunReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code ganinv report}: RUN/report.html, one self-contained page about a run. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Write RUN/report.html, a self-contained page (images embedded): the evaluation table, the "
                + "newest sample grid, reconstructions of 32 real images, a traversal of the 8 most important "
                + "latent elements, every series of metrics.jsonl plotted, and the configuration. Also writes "
                + "RUN/evaluate.json.",
        footer = {"", "Example:", "  ./ganinv report --run runs/dls",
                "  ./ganinv report --run runs/mnist --data ~/mnist/t10k-images-idx3-ubyte.gz --count 1000"})
public final class ReportCommand extends RunCommand implements Callable<Integer> {
    @Option(names = "--data", description = "Real images to measure and reconstruct. Default: the run's own --data.")
    String data;

    @Option(names = "--count", defaultValue = "500", description = "Real and generated images measured; a larger folder, IDX or CIFAR-10 source gives N images drawn uniformly at random with --seed. Default: ${DEFAULT-VALUE}.")
    int count;

    @Mixin
    FeatureOptions features;

    @Mixin
    EncoderOption encoder;

    @Override
    public Integer call() {
        EvaluationSettings settings = features.settings(count);
        try (GanRun gan = GanRun.open(run, null, device, encoder.choice())) {
            String real = data != null ? data : gan.trainingData();
            Evaluation evaluation = gan.evaluate(real, settings);
            JsonFiles.write(run.resolve("evaluate.json"), evaluation.json());
            FittedImages shown = FittedImages.readData(gan, real, settings.count(), settings.seed());   // the images evaluate read
            Path file;
            if (gan.encoder() == EncoderChoice.FITTED && gan.method() != Method.GAN) {    // both encoders, side by side
                try (GanRun trained = GanRun.open(run, null, device, EncoderChoice.TRAINED)) {
                    file = RunReport.write(gan, trained, evaluation, shown);
                }
            } else {
                file = RunReport.write(gan, evaluation, shown);
            }
            System.out.println("report: " + file.toAbsolutePath());
        }
        return 0;
    }
}
