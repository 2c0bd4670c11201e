package ganinv.cli;

import ganinv.UserError;
import ganinv.invert.EncoderInverter;
import ganinv.invert.Inverter;
import ganinv.invert.OptimizationInverter;
import ganinv.invert.OptimizeSettings;
import ganinv.train.TrainedRun;
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

    /** The inverter the flags ask for; the encoder modes make sure the run has one. */
    Inverter create(TrainedRun trained) {
        if (batch < 1) {
            throw new UserError("--batch " + batch + ": must be at least 1");
        }
        return switch (mode) {
            case "encoder" -> {
                for (String flag : new String[] {"--steps", "--lr", "--loss", "--prior-weight", "--restarts", "--seed"}) {
                    if (command.commandLine().getParseResult().hasMatchedOption(flag)) {
                        throw new UserError(flag + ": applies to --mode optimize or hybrid, not to the one-pass encoder");
                    }
                }
                trained.requireEncoder();
                yield new EncoderInverter(trained.method(), trained.manager(), batch);
            }
            case "optimize", "hybrid" -> {
                OptimizeSettings settings = new OptimizeSettings(steps, lr, loss, priorWeight, restarts, batch, seed);
                if (mode.equals("hybrid")) {
                    trained.requireEncoder();
                }
                yield new OptimizationInverter(trained.method(), trained.manager(), settings, mode.equals("hybrid"));
            }
            default -> throw new UserError("--mode " + mode + ": choose encoder, optimize or hybrid");
        };
    }
}
