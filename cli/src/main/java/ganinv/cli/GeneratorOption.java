package ganinv.cli;

import ganinv.train.TrainedRun;
import picocli.CommandLine.Option;

/** {@code --generator G|G_ema}: which generator a command uses; a picocli mixin. */
final class GeneratorOption {
    @Option(names = "--generator", description = "G or G_ema: which generator to use. Default: G_ema when the run"
            + " keeps one (--g-ema), else G.")
    String generator;

    /** Switches the run to the asked generator, if one was asked for. */
    void apply(TrainedRun trained) {
        if (generator != null) {
            trained.method().sampleFrom(generator);
        }
    }
}
