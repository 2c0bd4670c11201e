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

/** {@code ganinv fit-encoder}: an encoder fitted to a run's frozen generator. */
@Command(name = "fit-encoder", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Fit an encoder to the frozen generator of any run, on real images (the run's training data, or "
                + "--data): loss w_pix * ||G(E(x)) - x||^2/(C*R*R) + w_feat * (distance of D's trunk features) + w_lat "
                + "* ||z - E(G(z))||^2/d on generated pairs + w_prior * ||E(x)||^2/d (by default the pixel and prior terms: "
                + "docs/encoder.md). It starts from a copy of the run's own encoder (DLSGAN: D's trunk and latent head; "
                + "D is untouched); a gan run's starts fresh with --warmup-steps on pairs. --pairs-only fits a gan run's "
                + "encoder from pairs (G(z), z) alone: ||z - E(G(z))||^2/d + w_pix * ||G(E(x)) - x||^2/(C*R*R). Writes "
                + "RUN/encoder/ (config.json, metrics.jsonl, samples/ with rows of images over their reconstructions, "
                + "checkpoints/); from then on invert, evaluate, interpolate, edit, serve and spark use it unless told "
                + "--encoder trained.",
        footer = {"", "Example:", "  ./ganinv fit-encoder --run runs/fm",
                "  ./ganinv fit-encoder --run runs/fm --resume --steps 3000   # continue the same fit",
                "  ./ganinv fit-encoder --run runs/gan --pairs-only --pixel-weight 1"})
public final class FitEncoderCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--run", required = true, description = "A run folder made by 'ganinv train'.")
    Path run;

    @Option(names = "--data", description = "The real images to fit to, as 'train --data' takes them. Default: the run's"
            + " training data.")
    String data;

    @Option(names = "--pairs-only", description = "Fit from generated pairs (G(z), z) alone, without real images (gan runs"
            + " only).")
    boolean pairsOnly;

    @Option(names = "--steps", defaultValue = "" + EncoderFit.DEFAULT_STEPS,
            description = "Total fitting steps. Default: ${DEFAULT-VALUE}.")
    int steps;

    @Option(names = "--batch", defaultValue = "32", description = "Images per step. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--pixel-weight", description = "Weight w_pix of the pixel term; 0 leaves it out. Default: 1 (with"
            + " --pairs-only: 0).")
    Double pixelWeight;

    @Option(names = "--feature-weight", defaultValue = "0",
            description = "Weight w_feat of the distance of D's trunk features; 0 leaves it out. Default: ${DEFAULT-VALUE}.")
    double featureWeight;

    @Option(names = "--latent-weight", defaultValue = "0", description = "Weight w_lat of ||z - E(G(z))||^2/d on generated"
            + " pairs; 0 leaves it out. Default: ${DEFAULT-VALUE}.")
    double latentWeight;

    @Option(names = "--prior-weight", defaultValue = "" + EncoderFit.DEFAULT_PRIOR_WEIGHT, description = "Weight w_prior of"
            + " the codes' ||E(x)||^2/d, which keeps them in the prior's range. Default: ${DEFAULT-VALUE}.")
    double priorWeight;

    @Option(names = "--warmup-steps", defaultValue = "500", description = "Steps on pairs alone before the real images,"
            + " for a gan run (it has no encoder to start from). Default: ${DEFAULT-VALUE}.")
    int warmupSteps;

    @Option(names = "--lr", defaultValue = "0.001", description = "Adam learning rate. Default: ${DEFAULT-VALUE}.")
    double lr;

    @Option(names = "--beta1", defaultValue = "0.9", description = "Adam beta1. Default: ${DEFAULT-VALUE}.")
    double beta1;

    @Option(names = "--beta2", defaultValue = "0.999", description = "Adam beta2. Default: ${DEFAULT-VALUE}.")
    double beta2;

    @Option(names = "--seed", defaultValue = "0", description = "Seed for a fresh E's weights, the batch order and the"
            + " latents. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Mixin
    PhaseOptions phase;

    @Mixin
    DeviceOption on;

    @Override
    public Integer call() {
        phase.refuseOnResume(spec, "--run", java.util.List.of("--steps", "--keep-checkpoints", "--on-nonfinite", "--device"),
                java.util.Map.ofEntries(java.util.Map.entry("--batch", "/batch"), java.util.Map.entry("--pixel-weight", "/pixelWeight"),
                        java.util.Map.entry("--lr", "/learningRate"), java.util.Map.entry("--beta1", "/beta1"),
                        java.util.Map.entry("--beta2", "/beta2"), java.util.Map.entry("--seed", "/seed"),
                        java.util.Map.entry("--feature-weight", "/featureWeight"),
                        java.util.Map.entry("--latent-weight", "/latentWeight"),
                        java.util.Map.entry("--prior-weight", "/priorWeight"),
                        java.util.Map.entry("--warmup-steps", "/warmupSteps")),
                run.resolve("encoder").resolve("config.json"));
        EncoderFit fit = phase.resume ? EncoderFit.resume(run) : EncoderFit.builder(run).batch(batch).pairsOnly(pairsOnly)
                .data(data).featureWeight(featureWeight).latentWeight(latentWeight).priorWeight(priorWeight).warmupSteps(warmupSteps)
                .lr(lr).beta1(beta1).beta2(beta2).seed(seed).logEvery(phase.logEvery).sampleEvery(phase.sampleEvery)
                .checkpointEvery(phase.checkpointEvery).force(phase.force);
        if (pixelWeight != null && !phase.resume) {
            fit.pixelWeight(pixelWeight);
        }
        if (!phase.resume || spec.commandLine().getParseResult().hasMatchedOption("--steps")) {
            fit.steps(steps);
        }
        EncoderFitResult s = fit.keepCheckpoints(phase.keepCheckpoints).onNonFinite(NonFinitePolicy.parse(phase.onNonFinite))
                .device(on.device).log(System.out).run();
        System.out.printf(Locale.ROOT, "fitted the encoder of %s to step %d in %.1f s; latent error ||z - E(G(z))||^2/d on 256"
                + " held-out latents: %.4f (was %.4f)%n", run, s.step(), s.seconds(), s.heldOutError(), s.heldOutErrorBefore());
        if (!Double.isNaN(s.psnr())) {
            System.out.printf(Locale.ROOT, "reconstruction PSNR on 256 of the fitted images: %.2f dB (was %.2f dB)%n",
                    s.psnr(), s.psnrBefore());
        }
        System.out.println("samples:    " + s.samples());
        System.out.println("checkpoint: " + s.checkpoint());
        System.out.println("next:       ./ganinv invert --run " + run + " --images DIR --mode encoder --out DIR");
        return 0;
    }
}
