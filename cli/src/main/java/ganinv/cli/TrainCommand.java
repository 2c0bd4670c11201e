package ganinv.cli;

import ganinv.api.types.Architecture;
import ganinv.api.types.BadInputException;
import ganinv.api.types.CollapsePolicy;
import ganinv.api.types.EncoderLossOn;
import ganinv.api.types.GeneratorOutput;
import ganinv.api.types.LatentDistribution;
import ganinv.api.types.Method;
import ganinv.api.types.NonFinitePolicy;
import ganinv.api.Resumption;
import ganinv.api.types.ScaleTracker;
import ganinv.api.Training;
import ganinv.api.TrainingBuilder;
import ganinv.api.TrainingResult;
import ganinv.api.types.Updates;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code ganinv train}: trains a GAN with an encoder into a run folder. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train an invertible GAN. Writes config.json, metrics.jsonl, samples/ and checkpoints/ into --out.",
        footer = {"", "Example:", "  ./ganinv train --data shapes --out runs/dls --steps 2000     # the default recipe: dlsgan, dcgan-up",
                "  ./ganinv train --method latent-regression --data shapes --out runs/lr --steps 2000",
                "  ./ganinv train --method bigan --data photos/ --out runs/bigan",
                "  ./ganinv train --method gan --out runs/gan && ./ganinv fit-encoder --run runs/gan",
                "  ./ganinv train --out runs/lr --resume --steps 4000   # continue the same run"})
public final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--method",
            description = "latent-regression, bigan, gan (then fit an encoder with 'ganinv fit-encoder') or dlsgan. Default: ${DEFAULT-VALUE}.")
    String method;

    @Option(names = "--data", defaultValue = "shapes",
            description = "'shapes', an image folder, an MNIST IDX file (.gz ok) or a CIFAR-10 binary folder. Default: ${DEFAULT-VALUE}.")
    String data;

    @Option(names = "--out", required = true, description = "Run folder to create (or to continue with --resume).")
    Path out;

    @Option(names = "--steps", defaultValue = "2000", description = "Total training steps. Default: ${DEFAULT-VALUE}.")
    int steps;

    @Option(names = "--batch", defaultValue = "16", description = "Images per step. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Mixin
    NetOptions network;

    @Option(names = "--lambda", defaultValue = "1", description = "latent-regression: weight of the latent-regression term; dlsgan: lambda_enc, the weight of L_enc. Default: ${DEFAULT-VALUE}.")
    double lambda;

    @Option(names = "--regress-generator", defaultValue = "true", arity = "1",
            description = "latent-regression only: whether G also minimises the latent-regression term (true|false). Default: ${DEFAULT-VALUE}.")
    boolean regressGenerator;

    @Option(names = "--r1-weight", defaultValue = "10",
            description = "dlsgan: lambda_r1, the R1 term is lambda_r1*||grad_x D(x)||^2 on real images (the paper's convention and value, 10; gamma = 2*lambda_r1 in StyleGAN's gamma/2 form). Default: ${DEFAULT-VALUE}.")
    double r1Weight;

    @Option(names = "--minibatch-std", paramLabel = "IMAGES",
            description = "dlsgan: D's adversarial output also sees the standard deviation of its features over groups of"
                    + " this many images (StyleGAN's minibatch stddev; its latent head does not), so that G cannot give"
                    + " every image one colour. 0: none, as the paper. Default: ${DEFAULT-VALUE}.")
    Integer minibatchStd;

    /** Before ganinv said which convention it used, --r1 was gamma of gamma/2: refused with the conversion, never reinterpreted. */
    @Option(names = "--r1", hidden = true)
    Double legacyR1;

    @Option(names = "--lr-decay", defaultValue = "0.98",
            description = "dlsgan: learning-rate factor per epoch (endless shapes: per 50,000 images). Default: ${DEFAULT-VALUE}.")
    double lrDecay;

    @Option(names = "--scale-tracker", defaultValue = "ring",
            description = "dlsgan: how v is tracked: ring (mean over the last 512 batches, the paper) or ema (0.999). Default: ${DEFAULT-VALUE}.")
    String scaleTracker;

    @Option(names = "--encoder-loss-on", defaultValue = "dg",
            description = "dlsgan: dg (L_enc in D's and G's losses) or d (D's only). Default: ${DEFAULT-VALUE}.")
    String encoderLossOn;

    @Option(names = "--no-dls", description = "dlsgan: keep the latent scale s = 1 (the paper's 'No DLS' baseline).")
    boolean noDls;

    @Option(names = "--updates", defaultValue = "simultaneous",
            description = "dlsgan: alternating (D step, then G step with a fresh z through the updated D) or simultaneous (the paper's Algorithm 1: one z, both losses from the same D, both networks updated after). Default: ${DEFAULT-VALUE}.")
    String updates;

    @Option(names = "--latent-dist", defaultValue = "normal", description = "Prior of z: normal or uniform. Default: ${DEFAULT-VALUE}.")
    String latentDist;

    @Option(names = "--augment",
            description = "dlsgan: show D's adversarial output augmented reals and fakes (colour, translation, cutout;"
                    + " DiffAugment), for small data sets; its latent head still sees them plain. Default: off.")
    boolean augment;

    @Option(names = "--g-ema", defaultValue = "0", paramLabel = "IMAGES",
            description = "Keep an exponential moving average of G's weights with this half-life in images (StyleGAN2"
                    + " uses 10000); samples, inversion, edits and evaluation then use it, named G_ema in their"
                    + " output. 0: no average. Default: ${DEFAULT-VALUE}.")
    double gEma;

    @Option(names = "--lr", description = "Adam learning rate. Default: 0.0005 (bigan: 0.0002, dlsgan: 0.001).")
    Double lr;

    @Option(names = "--beta1", description = "Adam beta1. Default: 0.5 (dlsgan: 0).")
    Double beta1;

    @Option(names = "--beta2", description = "Adam beta2. Default: 0.99 (bigan: 0.999).")
    Double beta2;

    @Option(names = "--seed", defaultValue = "0", description = "Seed for weights, latents and data order. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--count", defaultValue = "-1", description = "Images to use: the size of the shapes set, or N images of a folder, IDX or CIFAR-10 source drawn uniformly at random with --seed, the same N on every machine (-1: all; shapes: infinite). Default: ${DEFAULT-VALUE}.")
    long count;

    @Option(names = "--on-collapse", defaultValue = "restart",
            description = "When D wins outright early on (its loss averaged below 0.5 over 200 steps, within the first 1000; G's samples then stay flat): restart from fresh weights (up to 3 times, listed in config.json), stop, or off. Default: ${DEFAULT-VALUE}.")
    String onCollapse;

    @Mixin
    PhaseOptions phase;

    @Mixin
    DeviceOption on;

    /** Where config.json's config holds what each flag that fixes the run sets ("!": the opposite boolean). */
    private static final Map<String, String> SAVED_AT = Map.ofEntries(Map.entry("--method", "/method"),
            Map.entry("--data", "/data"), Map.entry("--batch", "/batch"), Map.entry("--seed", "/seed"),
            Map.entry("--count", "/count"), Map.entry("--latent-dist", "/latentDist"), Map.entry("--arch", "/net/arch"),
            Map.entry("--latent-dim", "/net/latentDim"), Map.entry("--resolution", "/net/resolution"),
            Map.entry("--channels", "/net/channels"), Map.entry("--width", "/net/width"),
            Map.entry("--max-width", "/net/maxWidth"), Map.entry("--mapping-layers", "/net/mappingLayers"),
            Map.entry("--g-output", "/net/output"), Map.entry("--g-modulation", "/net/modulated"),
            Map.entry("--lambda", "/options/lambda"), Map.entry("--regress-generator", "/options/regressGenerator"),
            Map.entry("--beta1", "/options/beta1"), Map.entry("--beta2", "/options/beta2"), Map.entry("--g-ema", "/options/gEma"),
            Map.entry("--r1-weight", "/options/dls/r1Weight"), Map.entry("--lr-decay", "/options/dls/lrDecay"),
            Map.entry("--scale-tracker", "/options/dls/scaleTracker"), Map.entry("--encoder-loss-on", "/options/dls/encoderLossOn"),
            Map.entry("--no-dls", "!/options/dls/dynamicScale"), Map.entry("--updates", "/options/dls/updates"),
            Map.entry("--augment", "/options/dls/augment"), Map.entry("--minibatch-std", "/options/dls/minibatchStd"));

    @Override
    public Integer call() {
        phase.refuseOnResume(spec, "--out", Resumption.FLAGS, SAVED_AT, out.resolve("config.json"));
        if (legacyR1 != null) {
            throw new BadInputException("--r1 " + legacyR1 + ": renamed; --r1 was gamma in gamma/2*||grad||^2, now --r1-weight is lambda_r1 in"
                    + " lambda_r1*||grad||^2 (the paper's): use --r1-weight " + legacyR1 / 2 + " for the same strength", null);
        }
        TrainingResult s = phase.resume ? resumed(Training.resume(out)).log(System.out).run()
                : forwarded(Training.builder(out)).log(System.out).run();
        System.out.printf(Locale.ROOT, "trained %s to step %d in %.1f s (%.1f images/s)%n", out, s.step(), s.seconds(),
                s.imagesPerSecond());
        System.out.println("samples:    " + s.samples());
        System.out.println("checkpoint: " + s.checkpoint());
        System.out.println("metrics:    " + s.folder().resolve("metrics.jsonl"));
        if (!phase.resume && Method.parse(method) == Method.GAN) {
            System.out.println("next:       ./ganinv fit-encoder --run " + out + "   (a gan run inverts once an encoder is fitted)");
        }
        return 0;
    }

    /** The flags that may change on resume, as typed (the others were refused). */
    private Resumption resumed(Resumption r) {
        java.util.function.Predicate<String> typed = spec.commandLine().getParseResult()::hasMatchedOption;
        Map<String, Runnable> set = new LinkedHashMap<>();
        set.put("--steps", () -> r.steps(steps));
        set.put("--lr", () -> r.lr(lr));
        set.put("--log-every", () -> r.logEvery(phase.logEvery));
        set.put("--sample-every", () -> r.sampleEvery(phase.sampleEvery));
        set.put("--checkpoint-every", () -> r.checkpointEvery(phase.checkpointEvery));
        set.put("--keep-checkpoints", () -> r.keepCheckpoints(phase.keepCheckpoints));
        set.put("--on-nonfinite", () -> r.onNonFinite(NonFinitePolicy.parse(phase.onNonFinite)));
        set.put("--on-collapse", () -> r.onCollapse(CollapsePolicy.parse(onCollapse)));
        r.device(on.device);
        set.forEach((flag, apply) -> {
            if (typed.test(flag)) {
                apply.run();
            }
        });
        return r;
    }

    /** The flags the user typed, handed on; the builder holds the defaults and refuses what does not apply. */
    private TrainingBuilder forwarded(TrainingBuilder b) {
        java.util.function.Predicate<String> typed = spec.commandLine().getParseResult()::hasMatchedOption;
        Map<String, Runnable> set = new LinkedHashMap<>();
        set.put("--method", () -> b.method(Method.parse(method)));
        set.put("--data", () -> b.data(data));
        set.put("--steps", () -> b.steps(steps));
        set.put("--batch", () -> b.batch(batch));
        set.put("--arch", () -> b.arch(Architecture.parse(network.arch)));
        set.put("--latent-dim", () -> b.latentDim(network.latentDim));
        set.put("--resolution", () -> b.resolution(network.resolution));
        set.put("--channels", () -> b.channels(network.channels));
        set.put("--width", () -> b.width(network.width));
        set.put("--max-width", () -> b.maxWidth(network.maxWidth));
        set.put("--mapping-layers", () -> b.mappingLayers(network.mappingLayers));
        set.put("--g-output", () -> b.gOutput(GeneratorOutput.parse(network.gOutput)));
        set.put("--g-modulation", () -> b.gModulation(network.gModulation));
        set.put("--lambda", () -> b.lambda(lambda));
        set.put("--regress-generator", () -> b.regressGenerator(regressGenerator));
        set.put("--r1-weight", () -> b.r1Weight(r1Weight));
        set.put("--minibatch-std", () -> b.minibatchStd(minibatchStd));
        set.put("--lr-decay", () -> b.lrDecay(lrDecay));
        set.put("--scale-tracker", () -> b.scaleTracker(ScaleTracker.parse(scaleTracker)));
        set.put("--encoder-loss-on", () -> b.encoderLossOn(EncoderLossOn.parse(encoderLossOn)));
        set.put("--no-dls", () -> b.dynamicScale(!noDls));
        set.put("--updates", () -> b.updates(Updates.parse(updates)));
        set.put("--augment", () -> b.augment(augment));
        set.put("--latent-dist", () -> b.latentDist(LatentDistribution.parse(latentDist)));
        set.put("--g-ema", () -> b.gEma(gEma));
        set.put("--lr", () -> b.lr(lr));
        set.put("--beta1", () -> b.beta1(beta1));
        set.put("--beta2", () -> b.beta2(beta2));
        set.put("--seed", () -> b.seed(seed));
        set.put("--count", () -> b.count(count));
        set.put("--log-every", () -> b.logEvery(phase.logEvery));
        set.put("--sample-every", () -> b.sampleEvery(phase.sampleEvery));
        set.put("--checkpoint-every", () -> b.checkpointEvery(phase.checkpointEvery));
        set.put("--keep-checkpoints", () -> b.keepCheckpoints(phase.keepCheckpoints));
        set.put("--on-nonfinite", () -> b.onNonFinite(NonFinitePolicy.parse(phase.onNonFinite)));
        set.put("--on-collapse", () -> b.onCollapse(CollapsePolicy.parse(onCollapse)));
        set.put("--force", () -> b.force(phase.force));
        b.device(on.device);
        set.forEach((flag, apply) -> {
            if (typed.test(flag)) {
                apply.run();
            }
        });
        return b;
    }
}
