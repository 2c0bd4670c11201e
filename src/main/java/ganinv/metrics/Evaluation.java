package ganinv.metrics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ganinv.invert.Decode;
import ganinv.invert.EncoderInverter;
import ganinv.invert.Inversion;
import ganinv.objective.GanMethod;
import ganinv.objective.LatentScale;
import ganinv.train.Rng;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything ganinv measures about a trained method, on N real images and N generated ones:
 * FID/KID over named features, the encoder's latent error on generated images, PSNR/SSIM of
 * reconstructions of generated and of real images (the DLSGAN paper's four figures), the latent
 * entropy where there is a scale, and a linear and a 1-NN probe on the codes of labelled real
 * images, with the chance level and split sizes they must be read against.
 */
public final class Evaluation {
    private Evaluation() {
    }

    /**
     * @param real N 8-bit images [C, R, R]
     * @param labels their labels, or null when the data has none
     * @param hasEncoder false for a gan run without a fitted encoder: only FID/KID are measured
     * @param seed seed of the generated latents
     * @param features the feature network for FID/KID; its name goes into the result
     * @return the measurements by key, in a fixed order
     */
    public static Map<String, Object> run(GanMethod method, NDManager manager, List<byte[]> real, int[] labels,
                                          int classes, boolean hasEncoder, long seed, FeatureExtractor features) {
        int n = real.size();
        int d = method.net().latentDim();
        int c = method.net().channels();
        int r = method.net().resolution();
        float[] z = method.prior().sample(new Rng(seed), n, d);
        List<byte[]> generated = Decode.images(method, manager, z, 64);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("count", n);
        float[] fr = features.of(real, c, r);
        float[] fg = features.of(generated, c, r);
        out.put("features", features.name());
        out.put("fid", Fid.distance(FeatureStats.of(fr, features.dim()), FeatureStats.of(fg, features.dim())));
        out.put("kid", Kid.distance(fr, fg, features.dim()));
        if (!hasEncoder) {
            return out;
        }
        EncoderInverter encoder = new EncoderInverter(method, manager, 64);
        Inversion ofGenerated = encoder.invert(generated);
        out.put("encoder_loss", encoderLoss(method, manager, z, ofGenerated.codes(), true));
        out.put("latent_mse", encoderLoss(method, manager, z, ofGenerated.codes(), false));
        ImagePairs gen = pairs(generated, ofGenerated.reconstructions(), c, r);
        out.put("psnr_generated", gen.meanPsnr());
        out.put("ssim_generated", gen.meanSsim());
        Inversion ofReal = encoder.invert(real);
        ImagePairs rec = pairs(real, ofReal.reconstructions(), c, r);
        out.put("psnr_real", rec.meanPsnr());
        out.put("ssim_real", rec.meanSsim());
        try (NDManager scope = manager.newSubManager()) {
            Optional<float[]> s = method.latentScale(scope);
            s.ifPresent(scale -> out.put("latent_entropy", LatentScale.entropy(scale, method.prior())));
        }
        if (labels != null && classes > 1) {
            out.putAll(probes(ofReal.codes(), d, labels, classes));
        }
        return out;
    }

    /**
     * The linear and 1-NN probes on the labelled rows' codes (rows without a label, such as images
     * at a folder's root beside its class subfolders, are left out), with what to read them against.
     *
     * @param codes N × d codes of the real images
     */
    static Map<String, Object> probes(float[] codes, int d, int[] labels, int classes) {
        int kept = (int) java.util.Arrays.stream(labels).filter(l -> l >= 0).count();
        float[] keptCodes = new float[kept * d];
        int[] keptLabels = new int[kept];
        for (int i = 0, k = 0; i < labels.length; i++) {
            if (labels[i] >= 0) {
                System.arraycopy(codes, i * d, keptCodes, k * d, d);
                keptLabels[k++] = labels[i];
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        if (kept < 2) {
            return out;
        }
        ProbeSplit split = ProbeSplit.evenOdd(keptLabels);
        out.put("probe_accuracy", LinearProbe.accuracy(keptCodes, d, keptLabels, classes, split.train()));
        out.put("probe_1nn_accuracy", NearestNeighbourProbe.accuracy(keptCodes, d, keptLabels, split.train()));
        out.put("probe_chance", split.chance());
        out.put("probe_classes", split.classes());
        out.put("probe_train_size", split.trainSize());
        out.put("probe_test_size", split.testSize());
        return out;
    }

    /**
     * mean((z − E(G(z)))²∘s²): the method's own L_enc units (s ≡ 1 without a latent scale), or with
     * {@code weighted} false the plain mean((z − E(G(z)))²), comparable across methods and variants.
     */
    private static double encoderLoss(GanMethod method, NDManager manager, float[] z, float[] codes, boolean weighted) {
        int d = method.net().latentDim();
        try (NDManager scope = manager.newSubManager()) {
            NDArray zt = scope.create(z, new Shape(z.length / d, d));
            NDArray diff = zt.sub(scope.create(codes, new Shape(z.length / d, d))).square();
            Optional<float[]> s = method.latentScale(scope);
            if (weighted && s.isPresent()) {
                diff = diff.mul(scope.create(s.get()).square());
            }
            return diff.mean().getFloat();
        }
    }

    private static ImagePairs pairs(List<byte[]> a, List<byte[]> b, int channels, int resolution) {
        ImagePairs pairs = new ImagePairs();
        for (int i = 0; i < a.size(); i++) {
            pairs.add(Integer.toString(i), a.get(i), b.get(i), channels, resolution, resolution);
        }
        return pairs;
    }
}
