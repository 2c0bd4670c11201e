package ganinv.cli;

import ganinv.api.types.EncoderChoice;
import picocli.CommandLine.Option;

/** {@code --encoder}: which encoder a command inverts with; a picocli mixin. */
final class EncoderOption {
    @Option(names = "--encoder", description = "trained or fitted: the encoder trained with G, or the one 'ganinv"
            + " fit-encoder' fitted to it. Default: fitted when the run has one for its current generator, else trained.")
    String encoder;

    /** The asked encoder, or null for the run's default. */
    EncoderChoice choice() {
        return encoder == null ? null : EncoderChoice.parse(encoder);
    }
}
