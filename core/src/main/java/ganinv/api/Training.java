package ganinv.api;

import ganinv.api.types.Architecture;
import ganinv.api.types.CollapsePolicy;
import ganinv.api.types.NonFinitePolicy;
import ganinv.api.types.BadInputException;
import ganinv.api.types.Method;
import ganinv.UserError;
import ganinv.data.Dataset;
import ganinv.data.Subset;
import ganinv.model.NetConfig;
import ganinv.objective.DlsOptions;
import ganinv.objective.MethodOptions;
import ganinv.objective.Methods;
import ganinv.train.CollapseGuard;
import ganinv.train.NonFinite;
import ganinv.train.RunDir;
import ganinv.train.Safety;
import ganinv.train.TrainConfig;
import ganinv.train.Trainer;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A training run, built like {@code ganinv train}: the same loop, the same run folder (config.json,
 * metrics.jsonl, samples/, checkpoints/), bitwise the same weights for the same settings. Each
 * setting is named after its flag, and {@link #run()} refuses a method-specific setting given for
 * another method as the command does (its message names the flag). {@link TrainingBuilder} holds
 * the settings and {@link TrainingBuilder#build()} fixes them into a {@code Training}. Training
 * takes a JVM-wide lock once per step, so trainings and hybrid inversions in one JVM take turns.
 */
public final class Training {
    private final TrainingBuilder s;

    Training(TrainingBuilder settings) {
        this.s = settings;
    }

    /**
     * @param out the run folder to create
     * @return a builder with {@code ganinv train}'s defaults
     */
    public static TrainingBuilder builder(Path out) {
        return new TrainingBuilder(out, false);
    }

    /**
     * Continues a run from its newest checkpoint with its saved settings; only those that may change
     * mid-run can be set ({@link Resumption}).
     *
     * @param out the run folder
     * @return the continuation, to set and {@link Resumption#run() run}
     */
    public static Resumption resume(Path out) {
        Guard.require(out != null, "out: null; name the run folder to continue");
        return new Resumption(out);
    }

    /**
     * @param folder a run folder (or its {@code encoder/} folder)
     * @return the step of its newest checkpoint, 0 when it has none
     * @throws FileAccessException when the folder cannot be listed
     */
    public static long newestStep(Path folder) {
        Guard.require(folder != null, "folder: null");
        return Guard.call(() -> {
            try {
                return ganinv.checkpoint.Checkpoint.newestStep(folder.resolve("checkpoints"));
            } catch (java.io.IOException e) {
                throw new ganinv.FileAccessError("cannot list " + folder.resolve("checkpoints"), e);
            }
        });
    }

    /**
     * Trains to the step count, writing the run folder as it goes.
     *
     * @return where the run stands
     * @throws BadInputException for an invalid setting, unreadable data or a folder in the way
     */
    public TrainingResult run() {
        return Guard.call(() -> {
            ai.djl.Device device = ganinv.model.Devices.parse(s.device);        // before anything is written
            TrainConfig saved = s.resume ? RunDir.forTraining(s.out, true, false).readConfig() : null;
            TrainConfig config = s.resume ? resumed(saved) : config();
            Safety safety = new Safety(s.keepCheckpoints, s.onNonFinite,
                    CollapseGuard.of(s.onCollapse));
            Dataset dataset = config.openData(s.log);
            RunDir dir = RunDir.forTraining(s.out, s.resume, s.force);

            long total = config.steps();
            Trainer.Summary r;
            try (ganinv.model.NoGrad noGrad = new ganinv.model.NoGrad()) {      // any thread, as on the engine's own
                r = Trainer.run(Trainer.Request.of(config, dataset, dir, s.resume, s.log).safety(safety)
                        .onLog(line -> tell(line, total)).device(device)
                        .resumeChanges(s.resume ? changes(saved, config) : List.of()));
            }
            return new TrainingResult(s.out, r.step(), r.seconds(), r.imagesPerSecond(), r.checkpoint(), r.samples());
        });
    }

    /** The saved config with the resumable settings given ({@link Resumption#FLAGS}) in place. */
    private TrainConfig resumed(TrainConfig saved) {
        long at = newestStep(s.out);
        if (s.given.contains("--steps") && s.steps < at) {
            throw new UserError("--steps " + s.steps + ": " + s.out + " is already at step " + at
                    + "; give the larger total to continue to");
        }
        TrainConfig c = saved.withResumable(s.given.contains("--lr") ? s.lr : saved.options().learningRate(),
                s.given.contains("--log-every") ? s.logEvery : saved.logEvery(),
                s.given.contains("--sample-every") ? s.sampleEvery : saved.sampleEvery(),
                s.given.contains("--checkpoint-every") ? s.checkpointEvery : saved.checkpointEvery());
        return s.given.contains("--steps") ? c.withSteps(s.steps) : c;
    }

    /**
     * One entry per resumable flag given that changes a value: the flag and the value, with the value
     * it replaces where config.json holds one (the safety settings are each start's own, so they are
     * recorded whenever given); the trainer adds the step.
     */
    private List<Map<String, Object>> changes(TrainConfig saved, TrainConfig now) {
        Map<String, Object[]> values = new LinkedHashMap<>();
        values.put("--steps", new Object[] {saved.steps(), now.steps()});
        values.put("--lr", new Object[] {saved.options().learningRate(), now.options().learningRate()});
        values.put("--log-every", new Object[] {saved.logEvery(), now.logEvery()});
        values.put("--sample-every", new Object[] {saved.sampleEvery(), now.sampleEvery()});
        values.put("--checkpoint-every", new Object[] {saved.checkpointEvery(), now.checkpointEvery()});
        values.put("--keep-checkpoints", new Object[] {null, s.keepCheckpoints});
        values.put("--on-nonfinite", new Object[] {null, s.onNonFinite.toString()});
        values.put("--on-collapse", new Object[] {null, s.onCollapse.toString()});
        List<Map<String, Object>> changes = new ArrayList<>();
        values.forEach((flag, fromTo) -> {
            if (s.given.contains(flag) && !java.util.Objects.equals(fromTo[0], fromTo[1])) {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("setting", flag);
                if (fromTo[0] != null) {
                    c.put("from", fromTo[0]);
                }
                c.put("to", fromTo[1]);
                changes.add(c);
            }
        });
        return changes;
    }

    private void tell(Map<String, Object> line, long total) {
        if (s.listener == null) {
            return;
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        line.forEach((k, v) -> {
            if (!k.equals("step") && v instanceof Number n) {
                metrics.put(k, n.doubleValue());
            }
        });
        s.listener.interval(((Number) line.get("step")).longValue(), total, java.util.Collections.unmodifiableMap(metrics));
    }

    /** The run's config from the settings, with the method defaults and refusals of {@code ganinv train}. */
    TrainConfig config() {
        MethodOptions d = Methods.defaults(s.method);
        boolean dlsgan = s.method == Method.DLSGAN;
        DlsOptions dls = dlsgan ? new DlsOptions(s.r1Weight, s.lrDecay, s.scaleTracker, s.encoderLossOn,
                s.dynamicScale, s.updates, s.augment, s.minibatchStd) : null;
        MethodOptions options = new MethodOptions(s.lambda, s.regressGenerator, s.lr != null ? s.lr : d.learningRate(),
                s.beta1 != null ? s.beta1 : d.beta1(), s.beta2 != null ? s.beta2 : d.beta2(), dls).withGEma(s.gEma);
        // Every method's G ends linear: a tanh G saturates into the all-black state D wins on (a third of
        // the other methods' shapes starts died that way). The modulation is DLSGAN's alone: with it,
        // latent-regression's D won on every shapes start (docs/stability.md).
        boolean modulated = dlsgan || s.given.contains("--g-modulation") ? s.gModulation : false;
        NetConfig net = NetConfig.of(s.arch, s.resolution, s.channels, s.width, s.latentDim, s.mappingLayers,
                s.maxWidth, s.gOutput, modulated);
        TrainConfig config = new TrainConfig(s.method, s.data, s.count, Subset.RANDOM, s.steps, s.batch, net, s.latentDist,
                options, s.seed, s.logEvery, s.sampleEvery, s.checkpointEvery);
        if (net.arch() != Architecture.DCGAN_UP && s.given.contains("--g-output")) {
            throw new UserError("--g-output: applies only to --arch dcgan-up; stylegan2's G always ends linear");
        }
        if (net.arch() != Architecture.DCGAN_UP && s.given.contains("--g-modulation")) {
            throw new UserError("--g-modulation: applies only to --arch dcgan-up; stylegan2's G is always modulated");
        }
        refuseUnless(s.method == Method.LATENT_REGRESSION || dlsgan, "--lambda", "latent-regression and dlsgan");
        refuseUnless(s.method == Method.LATENT_REGRESSION, "--regress-generator", "latent-regression");
        for (String flag : new String[] {"--r1-weight", "--lr-decay", "--scale-tracker", "--encoder-loss-on", "--no-dls",
                "--updates", "--augment", "--minibatch-std"}) {
            refuseUnless(dlsgan, flag, "dlsgan");
        }
        return config;
    }

    /** A method-specific setting given for another method is a mistake, not something to ignore silently. */
    private void refuseUnless(boolean applies, String flag, String methods) {
        if (!applies && s.given.contains(flag)) {
            throw new UserError(flag + ": applies only to --method " + methods + "; drop it for " + s.method);
        }
    }

    /** Where the loop's lines go when the caller gives no log: nowhere. */
    static PrintStream silent() {
        return new PrintStream(OutputStream.nullOutputStream());
    }
}
