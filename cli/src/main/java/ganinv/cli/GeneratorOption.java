package ganinv.cli;

import ganinv.api.GanRun;
import ganinv.api.types.Generator;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --generator}: which generator a command renders with; a picocli mixin. */
final class GeneratorOption {
    @Option(names = "--generator", description = "G or G_ema: which generator to use. Default: G_ema when the run"
            + " keeps one (--g-ema), else G.")
    String generator;

    /** The run on {@code device}, opened with the asked generator (or the run's default). */
    GanRun open(Path run, String device) {
        return open(run, device, null);
    }

    /** As {@link #open(Path, String)}, inverting with the asked encoder (null: the run's default). */
    GanRun open(Path run, String device, ganinv.api.types.EncoderChoice encoder) {
        return GanRun.open(run, generator == null ? null : Generator.parse(generator), device, encoder);
    }
}
