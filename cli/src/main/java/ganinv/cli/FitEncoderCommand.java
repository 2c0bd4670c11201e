package ganinv.cli;

import ganinv.api.EncoderFit;
import ganinv.api.EncoderFitResult;
import ganinv.api.types.NonFinitePolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code ganinv fit-encoder}: an encoder for the frozen generator of a gan run. */
@Command(name = "fit-encoder", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Fit an encoder to the frozen generator of a run trained with --method gan, from pairs (G(z), "
                + "z): loss ||z - E(G(z))||^2/d + w * ||G(E(x)) - x||^2/(C*R*R). Writes RUN/encoder/ (config.json, "
                + "metrics.jsonl, samples/ with rows G(z) over G(E(G(z))), checkpoints/); then 'invert --mode "
                + "encoder' works.",
        footer = {"", "Example:", "  ./ganinv fit-encoder --run runs/gan --steps 2000 --pixel-weight 1",
                "  ./ganinv fit-encoder --run runs/gan --resume --steps 4000   # continue the same fit"})
public final class FitEncoderCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--run", required = true, description = "A run folder made by 'ganinv train --method gan'.")
    Path run;

    @Option(names = "--steps", defaultValue = "2000", description = "Total fitting steps. Default: ${DEFAULT-VALUE}.")
    int steps;

    @Option(names = "--batch", defaultValue = "32", description = "Generated images per step. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--pixel-weight", defaultValue = "0",
            description = "Weight w of the pixel term on the same generated images; 0 leaves it out. Default: ${DEFAULT-VALUE}.")
    double pixelWeight;

    @Option(names = "--lr", defaultValue = "0.001", description = "Adam learning rate. Default: ${DEFAULT-VALUE}.")
    double lr;

    @Option(names = "--beta1", defaultValue = "0.9", description = "Adam beta1. Default: ${DEFAULT-VALUE}.")
    double beta1;

    @Option(names = "--beta2", defaultValue = "0.999", description = "Adam beta2. Default: ${DEFAULT-VALUE}.")
    double beta2;

    @Option(names = "--seed", defaultValue = "0", description = "Seed for E's weights and the latents. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Mixin
    PhaseOptions phase;

    @Mixin
    DeviceOption on;

    @Override
    public Integer call() {
        phase.refuseOnResume(spec, "--run", java.util.List.of("--steps", "--keep-checkpoints", "--on-nonfinite", "--device"),
                java.util.Map.of("--batch", "/batch", "--pixel-weight", "/pixelWeight", "--lr", "/learningRate", "--beta1", "/beta1",
                        "--beta2", "/beta2", "--seed", "/seed"), run.resolve("encoder").resolve("config.json"));
        EncoderFit fit = phase.resume ? EncoderFit.resume(run) : EncoderFit.builder(run).batch(batch).pixelWeight(pixelWeight)
                .lr(lr).beta1(beta1).beta2(beta2).seed(seed).logEvery(phase.logEvery).sampleEvery(phase.sampleEvery)
                .checkpointEvery(phase.checkpointEvery).force(phase.force);
        if (!phase.resume || spec.commandLine().getParseResult().hasMatchedOption("--steps")) {
            fit.steps(steps);
        }
        EncoderFitResult s = fit.keepCheckpoints(phase.keepCheckpoints).onNonFinite(NonFinitePolicy.parse(phase.onNonFinite))
                .device(on.device).log(System.out).run();
        System.out.printf(Locale.ROOT, "fitted the encoder of %s to step %d in %.1f s; latent error ||z - E(G(z))||^2/d on 256"
                + " held-out latents: %.4f (was %.4f)%n", run, s.step(), s.seconds(), s.heldOutError(), s.heldOutErrorBefore());
        System.out.println("samples:    " + s.samples());
        System.out.println("checkpoint: " + s.checkpoint());
        System.out.println("next:       ./ganinv invert --run " + run + " --images DIR --mode encoder --out DIR");
        return 0;
    }
}
