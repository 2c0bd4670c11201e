package ganinv.cli;

import picocli.CommandLine.Option;

/** {@code --device}: where the networks run; a picocli mixin of the commands that do not read a run. */
final class DeviceOption {
    @Option(names = "--device", defaultValue = "cpu", description = "Where the networks run: cpu, gpu or gpu:N."
            + " Default: ${DEFAULT-VALUE}.")
    String device;
}
