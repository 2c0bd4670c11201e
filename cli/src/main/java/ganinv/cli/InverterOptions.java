package ganinv.cli;

import ganinv.api.types.BadInputException;
import ganinv.api.types.InvertLoss;
import ganinv.api.types.InvertMode;
import ganinv.api.InvertSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** How to find a code for an image; a picocli mixin shared by invert, interpolate and edit. */
final class InverterOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--mode", defaultValue = "encoder",
            description = "encoder (one pass), optimize (Adam on z from random starts) or hybrid (Adam on z from the encoder's code). Default: ${DEFAULT-VALUE}.")
    String mode;

    @Option(names = "--steps", defaultValue = "200", description = "optimize/hybrid: Adam steps per start. Default: ${DEFAULT-VALUE}.")
    int steps;

    @Option(names = "--lr", defaultValue = "0.05", description = "optimize/hybrid: Adam step size on z. Default: ${DEFAULT-VALUE}.")
    double lr;

    @Option(names = "--loss", defaultValue = "l2",
            description = "optimize/hybrid: l2, l1 or l2+features (adds distances of D's intermediate features). Default: ${DEFAULT-VALUE}.")
    String loss;

    @Option(names = "--prior-weight", defaultValue = "0", description = "optimize/hybrid: weight W of W*||z||^2/d. Default: ${DEFAULT-VALUE}.")
    double priorWeight;

    @Option(names = "--restarts", defaultValue = "1",
            description = "optimize/hybrid: starts per image, the best kept (hybrid: the first is the encoder's). Default: ${DEFAULT-VALUE}.")
    int restarts;

    @Option(names = "--batch", defaultValue = "64", description = "Images processed together. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--seed", defaultValue = "0", description = "optimize/hybrid: seed of the random starts. Default: ${DEFAULT-VALUE}.")
    long seed;

    /** The settings the flags ask for; optimisation flags are refused with the one-pass encoder. */
    InvertSettings settings() {
        if (batch < 1) {
            throw new BadInputException("--batch " + batch + ": must be at least 1", null);
        }
        InvertMode how = InvertMode.parse(mode);
        if (how == InvertMode.ENCODER) {
            for (String flag : new String[] {"--steps", "--lr", "--loss", "--prior-weight", "--restarts", "--seed"}) {
                if (command.commandLine().getParseResult().hasMatchedOption(flag)) {
                    throw new BadInputException(flag + ": applies to --mode optimize or hybrid, not to the one-pass encoder", null);
                }
            }
        }
        return InvertSettings.builder().mode(how).steps(steps).learningRate(lr).loss(InvertLoss.parse(loss))
                .priorWeight(priorWeight).restarts(restarts).batch(batch).seed(seed).build();
    }
}
