package ganinv.cli;

import ganinv.UserError;
import ganinv.data.Dataset;
import ganinv.data.Subset;
import ganinv.objective.DlsOptions;
import ganinv.objective.Dlsgan;
import ganinv.objective.LatentRegression;
import ganinv.objective.MethodOptions;
import ganinv.objective.Methods;
import ganinv.objective.PlainGan;
import ganinv.train.RunDir;
import ganinv.train.Safety;
import ganinv.train.TrainConfig;
import ganinv.train.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code ganinv train}: trains a GAN with an encoder into a run folder. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train an invertible GAN. Writes config.json, metrics.jsonl, samples/ and checkpoints/ into --out.",
        footer = {"", "Example:", "  ./ganinv train --method latent-regression --data shapes --out runs/lr --steps 2000",
                "  ./ganinv train --method bigan --data photos/ --out runs/bigan",
                "  ./ganinv train --method gan --out runs/gan && ./ganinv fit-encoder --run runs/gan",
                "  ./ganinv train --out runs/lr --resume --steps 4000   # continue the same run"})
public final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--method", defaultValue = "latent-regression",
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

    @Mixin
    PhaseOptions phase;

    @Override
    public Integer call() {
        // Validate flags and read the data before touching --out, so a mistake costs nothing on disk.
        Safety safety = phase.safety();
        TrainConfig config = phase.resume ? RunDir.forTraining(out, true, false).readConfig() : newConfig();
        if (phase.resume && spec.commandLine().getParseResult().hasMatchedOption("--steps")) {
            config = config.withSteps(steps);
        }
        Dataset dataset = config.openData(System.err);
        RunDir dir = RunDir.forTraining(out, phase.resume, phase.force);
        Trainer.Summary s = Trainer.run(config, dataset, dir, phase.resume, safety, System.out);
        System.out.printf(Locale.ROOT, "trained %s to step %d in %.1f s (%.1f images/s)%n", out, s.step(), s.seconds(),
                s.imagesPerSecond());
        System.out.println("samples:    " + s.samples());
        System.out.println("checkpoint: " + s.checkpoint());
        System.out.println("metrics:    " + dir.metricsFile());
        if (config.method().equals(PlainGan.NAME)) {
            System.out.println("next:       ./ganinv fit-encoder --run " + out + "   (a gan run inverts once an encoder is fitted)");
        }
        return 0;
    }

    private TrainConfig newConfig() {
        if (legacyR1 != null) {
            throw new UserError("--r1 " + legacyR1 + ": renamed; --r1 was gamma in gamma/2*||grad||^2, now --r1-weight is lambda_r1 in"
                    + " lambda_r1*||grad||^2 (the paper's): use --r1-weight " + legacyR1 / 2 + " for the same strength");
        }
        MethodOptions d = Methods.defaults(method);
        DlsOptions dls = method.equals(Dlsgan.NAME) ? new DlsOptions(r1Weight, lrDecay, scaleTracker, encoderLossOn, !noDls, updates, augment) : null;
        MethodOptions options = new MethodOptions(lambda, regressGenerator, lr != null ? lr : d.learningRate(),
                beta1 != null ? beta1 : d.beta1(), beta2 != null ? beta2 : d.beta2(), dls).withGEma(gEma);
        TrainConfig config = new TrainConfig(method, data, count, Subset.RANDOM, steps, batch,
                network.net(), latentDist, options, seed, phase.logEvery, phase.sampleEvery,
                phase.checkpointEvery);
        refuseUnless(LatentRegression.NAME.equals(method) || Dlsgan.NAME.equals(method), "--lambda",
                "latent-regression and dlsgan");
        refuseUnless(LatentRegression.NAME.equals(method), "--regress-generator", "latent-regression");
        for (String flag : new String[] {"--r1-weight", "--lr-decay", "--scale-tracker", "--encoder-loss-on", "--no-dls", "--updates", "--augment"}) {
            refuseUnless(Dlsgan.NAME.equals(method), flag, "dlsgan");
        }
        return config;
    }

    /** A method-specific flag given for another method is a mistake, not something to ignore silently. */
    private void refuseUnless(boolean applies, String flag, String methods) {
        if (!applies && spec.commandLine().getParseResult().hasMatchedOption(flag)) {
            throw new UserError(flag + ": applies only to --method " + methods + "; drop it for " + method);
        }
    }
}
