package ganinv.metrics;

import ganinv.UserError;
import ganinv.data.DataSpec;
import ganinv.data.Dataset;
import ganinv.model.NetConfig;
import ganinv.train.TrainedRun;

import java.nio.file.Path;
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

    /** @param inception NVIDIA's TorchScript Inception (or any network with its interface), or null for the fallback */
    public static Result run(TrainedRun trained, String data, int count, long seed, Path inception) {
        if (count < 10) {
            throw new UserError("--count " + count + ": must be at least 10 (statistics over fewer images mean little)");
        }
        NetConfig net = trained.method().net();
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
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("run", trained.dir().root().toString());
        values.put("method", trained.method().name());
        values.put("step", trained.step());
        values.put("generator", trained.method().sampler().name());
        values.put("data", set.describe());
        try (FeatureExtractor features = inception != null ? new InceptionFeatures(inception, trained.manager())
                : new RandomConvFeatures(trained.manager())) {
            values.putAll(Evaluation.run(trained.method(), trained.manager(), real, labels, set.classNames().size(),
                    hasEncoder, seed, features));
        }
        if (values.get("probe_classes") instanceof Integer seen && seen < set.classNames().size()) {
            System.err.println("warning: the probes saw " + seen + " of the " + set.classNames().size()
                    + " classes of --data " + data + "; raise --count for a probe over every class");
        }
        if (!hasEncoder) {
            values.put("encoder", "none fitted; run './ganinv fit-encoder --run " + trained.dir().root()
                    + "' for the encoder measurements");
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
}
