package ganinv.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The base of every command that reads a trained run: its {@code --run} option (picocli inherits it). */
abstract class RunCommand {
    @Option(names = "--run", required = true, description = "A run folder made by 'ganinv train'.")
    Path run;

    @Option(names = "--device", defaultValue = "cpu", description = "Where the networks run: cpu, gpu or gpu:N."
            + " Default: ${DEFAULT-VALUE}.")
    String device;
}
