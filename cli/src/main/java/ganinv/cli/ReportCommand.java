package ganinv.cli;

import ganinv.metrics.Measure;
import ganinv.data.JsonFiles;
import ganinv.report.RunReport;
import ganinv.train.TrainedRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code ganinv report}: RUN/report.html, one self-contained page about a run. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write RUN/report.html, a self-contained page (images embedded): the evaluation table, the",
                "newest sample grid, reconstructions of 32 real images, a traversal of the 8 most important latent",
                "elements, every series of metrics.jsonl plotted, and the configuration. Also writes RUN/evaluate.json."},
        footer = {"", "Example:", "  ./ganinv report --run runs/dls",
                "  ./ganinv report --run runs/mnist --data ~/mnist/t10k-images-idx3-ubyte.gz --count 1000"})
public final class ReportCommand extends RunCommand implements Callable<Integer> {
    @Option(names = "--data", description = "Real images to measure and reconstruct. Default: the run's own --data.")
    String data;

    @Option(names = "--count", defaultValue = "500", description = "Real and generated images measured; a larger folder, IDX or CIFAR-10 source gives N images drawn uniformly at random with --seed. Default: ${DEFAULT-VALUE}.")
    int count;

    @Mixin
    FeatureOptions features;

    @Override
    public Integer call() {
        try (TrainedRun trained = TrainedRun.load(run)) {
            Measure.Result measured = Measure.run(trained, data != null ? data : trained.config().data(), features.options(count));
            JsonFiles.write(run.resolve("evaluate.json"), measured.values());
            Path file = RunReport.write(trained, measured.hasEncoder(), measured.real(), measured.values());
            System.out.println("report: " + file.toAbsolutePath());
        }
        return 0;
    }
}
