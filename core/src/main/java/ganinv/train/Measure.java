package ganinv.train;

import ganinv.UserError;
import ganinv.data.DataSpec;
import ganinv.data.Dataset;
import ganinv.metrics.Classifier;
import ganinv.metrics.Evaluation;
import ganinv.metrics.FeatureExtractor;
import ganinv.metrics.InceptionFeatures;
import ganinv.metrics.RandomConvFeatures;
import ganinv.model.NetConfig;

import java.nio.file.Path;
import ganinv.api.types.EncoderChoice;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What evaluate, report and compare share: reading N real images and measuring a run on them. */
public final class Measure {
    /** The real images measured and the measurements, headed by run, method, step and data. */
    public record Result(List<byte[]> real, boolean hasEncoder, Map<String, Object> values) {
    }

    private Measure() {
    }

    /**
     * What to measure with.
     *
     * @param count N real and N generated images (at least 10)
     * @param seed of the real sample (shapes: their seed) and of the generated latents
     * @param inception NVIDIA's TorchScript Inception (or any network with its interface), or null
     * @param classifier a {@code train-classifier} file, or null: FID/KID over its features and the class figures
     * @param hybridCount how many of the real images to invert by hybrid as well (0: none)
     */
    public record Options(int count, long seed, Path inception, Path classifier, int hybridCount) {
        public Options {
            if (count < 10) {
                throw new UserError("--count " + count + ": must be at least 10 (statistics over fewer images mean little)");
            }
            if (inception != null && classifier != null) {
                throw new UserError("--inception and --classifier: give one feature network for fid and kid, not both");
            }
            if (hybridCount < 0 || hybridCount > count) {
                throw new UserError("--hybrid " + hybridCount + ": must be between 0 and --count (" + count + ")");
            }
        }

        /** The fallback features, no classifier, no hybrid. */
        public static Options of(int count, long seed, Path inception) {
            return new Options(count, seed, inception, null, 0);
        }
    }

    /** What an evaluation's JSON starts with, here and in the Spark parts: the run, its method, step, generator and data. */
    public static Map<String, Object> header(TrainedRun trained, String data) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("run", trained.dir().root().toString());
        values.put("method", trained.method().name());
        values.put("step", trained.step());
        values.put("generator", trained.method().sampler().name());
        values.put("data", data);
        return values;
    }

    /** @param inception NVIDIA's TorchScript Inception (or any network with its interface), or null for the fallback */
    public static Result run(TrainedRun trained, String data, int count, long seed, Path inception) {
        return run(trained, data, Options.of(count, seed, inception));
    }

    public static Result run(TrainedRun trained, String data, Options options) {
        int count = options.count();
        long seed = options.seed();
        NetConfig net = trained.method().net();
        // The classifier is read before the data, so that a wrong file fails at once.
        Classifier classifier = options.classifier() != null ? Classifier.load(options.classifier(), trained.manager()) : null;
        Dataset set = DataSpec.parse(data).open(net.channels(), net.resolution(), seed, count, System.err);
        int n = (int) (set.size() < 0 ? count : Math.min(count, set.size()));
        List<byte[]> real = new ArrayList<>(n);
        int[] labels = set.hasLabels() ? new int[n] : null;
        for (int i = 0; i < n; i++) {
            real.add(set.pixels(i));
            if (labels != null) {
                labels[i] = set.label(i);
            }
        }
        boolean hasEncoder = canInvert(trained);
        Map<String, Object> values = header(trained, set.describe());
        try (FeatureExtractor features = classifier != null ? classifier
                : options.inception() != null ? new InceptionFeatures(options.inception(), trained.manager())
                : new RandomConvFeatures(trained.manager())) {
            if (classifier != null) {
                values.put("classifier", options.classifier().toString());
                values.put("classifier_trained_on", classifier.config().data());
                values.put("classifier_held_out_accuracy", classifier.config().heldOutAccuracy());
            }
            values.putAll(Evaluation.run(trained.method(), trained.manager(), real, labels, set.classNames().size(),
                    hasEncoder, seed, features));
            if (hasEncoder) {
                values.put("encoder", encoderEntry(trained));
                values.put("encoders", byEncoder(trained, real, features));
            }
            if (hasEncoder && options.hybridCount() > 0) {
                values.putAll(Evaluation.hybrid(trained.method(), trained.manager(), real.subList(0, Math.min(n,
                        options.hybridCount())), classifier));
            }
        }
        if (values.get("probe_classes") instanceof Integer seen && seen < set.classNames().size()) {
            System.err.println("warning: the probes saw " + seen + " of the " + set.classNames().size()
                    + " classes of --data " + data + "; raise --count for a probe over every class");
        }
        if (!hasEncoder) {
            values.put("encoder", encoderEntry(trained));
        }
        return new Result(real, hasEncoder, values);
    }

    /** Whether the run can invert: its own encoder, or for a gan run a fitted one that matches its generator. */
    public static boolean canInvert(TrainedRun trained) {
        try {
            trained.requireEncoder();
            return true;
        } catch (UserError e) {
            return false;
        }
    }

    /**
     * The real-image figures of each encoder the run has, side by side: psnr_real, ssim_real,
     * class_kept_encoder (with a classifier) and code_power, the codes' mean ‖z‖²/d (the prior's is 1).
     * Leaves the run inverting with the encoder it used before.
     */
    /** The evaluation's "encoder" entry: the encoder in use, or the fix when the run has none to invert with. */
    public static String encoderEntry(TrainedRun trained) {
        return canInvert(trained) ? trained.encoderInUse().toString()
                : "none fitted; run './ganinv fit-encoder --run " + trained.dir().root() + "' for the encoder measurements";
    }

    static Map<String, Object> byEncoder(TrainedRun trained, List<byte[]> real, FeatureExtractor features) {
        Map<String, Object> out = new LinkedHashMap<>();
        EncoderChoice before = trained.encoderInUse();
        List<EncoderChoice> have = new ArrayList<>();
        if (trained.method().hasTrainedEncoder()) {
            have.add(EncoderChoice.TRAINED);
        }
        if (trained.hasFittedEncoder()) {
            have.add(EncoderChoice.FITTED);
        }
        try {
            for (EncoderChoice e : have) {
                trained.chooseEncoder(e);
                Evaluation.RealPart r = Evaluation.realPart(trained.method(), trained.manager(), real, features, true);
                Map<String, Object> figures = new LinkedHashMap<>();
                figures.put("psnr_real", java.util.Arrays.stream(r.psnr()).average().orElse(Double.NaN));
                figures.put("ssim_real", java.util.Arrays.stream(r.ssim()).average().orElse(Double.NaN));
                if (r.reconstructedClasses().length > 0) {
                    figures.put("class_kept_encoder", ganinv.metrics.ClassMetrics.kept(r.classes(), r.reconstructedClasses()));
                }
                double power = 0;
                for (float v : r.codes()) {
                    power += (double) v * v;
                }
                figures.put("code_power", power / Math.max(1, r.codes().length));
                out.put(e.toString(), figures);
            }
        } finally {
            trained.chooseEncoder(before);
        }
        return out;
    }
}
