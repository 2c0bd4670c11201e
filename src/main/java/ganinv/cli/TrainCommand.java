package ganinv.cli;

import ganinv.data.Dataset;
import ganinv.model.NetConfig;
import ganinv.objective.MethodOptions;
import ganinv.train.RunDir;
import ganinv.train.TrainConfig;
import ganinv.train.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code ganinv train}: trains a GAN with an encoder into a run folder. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train an invertible GAN. Writes config.json, metrics.jsonl, samples/ and checkpoints/ into --out.",
        footer = {"", "Example:", "  ./ganinv train --method latent-regression --data shapes --out runs/lr --steps 2000",
                "  ./ganinv train --out runs/lr --resume --steps 4000   # continue the same run"})
public final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--method", defaultValue = "latent-regression", description = "Training method: ${DEFAULT-VALUE}.")
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

    @Option(names = "--latent-dim", defaultValue = "64", description = "Latent size d. Default: ${DEFAULT-VALUE}.")
    int latentDim;

    @Option(names = "--resolution", defaultValue = "32", description = "Image side R = 4·2^k. Default: ${DEFAULT-VALUE}.")
    int resolution;

    @Option(names = "--channels", defaultValue = "3", description = "1 (gray) or 3 (RGB). Default: ${DEFAULT-VALUE}.")
    int channels;

    @Option(names = "--width", defaultValue = "64", description = "Feature maps per layer W. Default: ${DEFAULT-VALUE}.")
    int width;

    @Option(names = "--lambda", defaultValue = "1", description = "Weight of the latent-regression term. Default: ${DEFAULT-VALUE}.")
    double lambda;

    @Option(names = "--regress-generator", defaultValue = "true", arity = "1",
            description = "Whether G also minimises the latent-regression term (true|false). Default: ${DEFAULT-VALUE}.")
    boolean regressGenerator;

    @Option(names = "--latent-dist", defaultValue = "normal", description = "Prior of z: normal or uniform. Default: ${DEFAULT-VALUE}.")
    String latentDist;

    @Option(names = "--lr", defaultValue = "0.0005", description = "Adam learning rate. Default: ${DEFAULT-VALUE}.")
    double lr;

    @Option(names = "--beta1", defaultValue = "0.5", description = "Adam beta1. Default: ${DEFAULT-VALUE}.")
    double beta1;

    @Option(names = "--beta2", defaultValue = "0.99", description = "Adam beta2. Default: ${DEFAULT-VALUE}.")
    double beta2;

    @Option(names = "--seed", defaultValue = "0", description = "Seed for weights, latents and data order. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--count", defaultValue = "-1", description = "Images to use: the size of the shapes set, or the first N of any other source (-1: all; shapes: infinite). Default: ${DEFAULT-VALUE}.")
    long count;

    @Option(names = "--log-every", defaultValue = "50", description = "Steps per metrics.jsonl line. Default: ${DEFAULT-VALUE}.")
    int logEvery;

    @Option(names = "--sample-every", defaultValue = "500", description = "Steps per sample grid. Default: ${DEFAULT-VALUE}.")
    int sampleEvery;

    @Option(names = "--checkpoint-every", defaultValue = "500", description = "Steps per checkpoint. Default: ${DEFAULT-VALUE}.")
    int checkpointEvery;

    @Option(names = "--resume", description = "Continue the run in --out from its newest checkpoint, with its saved settings.")
    boolean resume;

    @Option(names = "--force", description = "Replace a run already in --out.")
    boolean force;

    @Override
    public Integer call() {
        // Validate flags and read the data before touching --out, so a mistake costs nothing on disk.
        TrainConfig config = resume ? RunDir.forTraining(out, true, false).readConfig() : newConfig();
        if (resume && spec.commandLine().getParseResult().hasMatchedOption("--steps")) {
            config = config.withSteps(steps);
        }
        Dataset dataset = config.dataSpec().open(config.net().channels(), config.net().resolution(), config.seed(),
                config.count(), System.err);
        RunDir dir = RunDir.forTraining(out, resume, force);
        Trainer.Summary s = Trainer.run(config, dataset, dir, resume, System.out);
        System.out.printf(Locale.ROOT, "trained %s to step %d in %.1f s (%.1f images/s)%n", out, s.step(), s.seconds(),
                s.imagesPerSecond());
        System.out.println("samples:    " + s.samples());
        System.out.println("checkpoint: " + s.checkpoint());
        System.out.println("metrics:    " + dir.metricsFile());
        return 0;
    }

    private TrainConfig newConfig() {
        return new TrainConfig(method, data, count, steps, batch, new NetConfig(resolution, channels, width, latentDim),
                latentDist, new MethodOptions(lambda, regressGenerator, lr, beta1, beta2), seed, logEvery, sampleEvery,
                checkpointEvery);
    }
}
