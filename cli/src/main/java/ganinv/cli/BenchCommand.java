package ganinv.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ganinv bench}: throughput benchmarks (train step, inversion); speed is measured here, never in tests. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Throughput benchmarks on random weights and data. Each prints a last line 'images/s: N'. Compare with PyTorch side by side: scripts/bench-vs-pytorch.sh.",
        subcommands = {BenchTrainCommand.class, BenchInvertCommand.class, BenchServeCommand.class, BenchDataCommand.class},
        footer = {"", "Examples:", "  ./ganinv bench train --batch 64", "  ./ganinv bench invert --mode optimize"})
public final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "choose a benchmark: train, invert, serve or data");
    }
}
