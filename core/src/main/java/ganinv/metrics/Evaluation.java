package ganinv.metrics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ganinv.invert.Decode;
import ganinv.invert.EncoderInverter;
import ganinv.invert.Inversion;
import ganinv.invert.InversionProgress;
import ganinv.invert.OptimizationInverter;
import ganinv.invert.OptimizeSettings;
import ganinv.objective.GanMethod;
import ganinv.objective.LatentScale;
import ganinv.random.Rng;

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
        GeneratedSide g = generatedSide(method, manager, n, seed, features, hasEncoder);
        RealPart r = realPart(method, manager, real, features, hasEncoder);
        double fid = Fid.distance(FeatureStats.of(r.features(), features.dim()), FeatureStats.of(g.features(), features.dim()));
        double kid = Kid.distance(r.features(), g.features(), features.dim());
        ClassPart part = features instanceof Classifier c
                ? new ClassPart(c.config().classes().size(), g.classCounts(), r.classes(), r.reconstructedClasses(), labels)
                : null;
        return combine(method, manager, n, features.name(), fid, kid, g, mean(r.psnr()), mean(r.ssim()), r.codes(),
                labels, classes, part);
    }

    /**
     * The classifier's decisions that the class figures need, gathered from parts measured apart.
     *
     * @param generatedCounts how many generated samples fall into each class [classes]
     * @param real decisions on the real images [N]
     * @param reconstructed decisions on their encoder reconstructions [N], empty without an encoder
     * @param labels the real images' labels [N] (−1 unlabelled), or null
     */
    public record ClassPart(int classes, long[] generatedCounts, int[] real, int[] reconstructed, int[] labels) {
    }

    /**
     * What N generated images give: their features, and with an encoder the latent error and the
     * reconstruction scores of G(E(G(z))) (encoder_loss, latent_mse, psnr_generated, ssim_generated).
     *
     * @param features N × dim row-major
     * @param encoderValues empty without an encoder
     * @param classCounts with a {@link Classifier} as the features: samples per class; otherwise empty
     */
    public record GeneratedSide(float[] features, Map<String, Object> encoderValues, long[] classCounts) {
    }

    public static GeneratedSide generatedSide(GanMethod method, NDManager manager, int n, long seed,
                                              FeatureExtractor features, boolean hasEncoder) {
        int d = method.net().latentDim();
        int c = method.net().channels();
        int r = method.net().resolution();
        float[] z = method.prior().sample(new Rng(seed), n, d);
        List<byte[]> generated = Decode.images(method, manager, z, 64);
        Map<String, Object> out = new LinkedHashMap<>();
        if (hasEncoder) {
            Inversion ofGenerated = new EncoderInverter(method, manager, 64).invert(generated);
            out.put("encoder_loss", encoderLoss(method, manager, z, ofGenerated.codes(), true));
            out.put("latent_mse", encoderLoss(method, manager, z, ofGenerated.codes(), false));
            ImagePairs gen = pairs(generated, ofGenerated.reconstructions(), c, r);
            out.put("psnr_generated", gen.meanPsnr());
            out.put("ssim_generated", gen.meanSsim());
        }
        if (features instanceof Classifier classifier) {
            Classifier.Scores scores = classifier.score(generated, c, r);
            return new GeneratedSide(scores.features(), out,
                    ClassMetrics.histogram(scores.classes(), classifier.config().classes().size()));
        }
        return new GeneratedSide(features.of(generated, c, r), out, new long[0]);
    }

    /**
     * The generated side for the latents {@code from..to} of the N that {@link #generatedSide}
     * draws from {@code seed}, as sums over the part, so that parts measured apart (Spark
     * executors) combine to its values: encoder_loss = Σ encoderLossSum / (N d), psnr_generated =
     * Σ psnrSum / N, and so on.
     *
     * @param features the part's features, (to − from) × dim row-major
     * @param encoderLossSum Σ over the part's elements of (z − E(G(z)))²∘s²; 0 without an encoder
     * @param latentMseSum Σ (z − E(G(z)))²; 0 without an encoder
     * @param classCounts with a {@link Classifier}: the part's samples per class; otherwise empty
     */
    public record GeneratedPart(float[] features, double encoderLossSum, double latentMseSum, double psnrSum, double ssimSum,
                                long[] classCounts) {
    }

    public static GeneratedPart generatedPart(GanMethod method, NDManager manager, int n, long seed, int from, int to,
                                              FeatureExtractor features, boolean hasEncoder) {
        int d = method.net().latentDim();
        int c = method.net().channels();
        int r = method.net().resolution();
        int m = to - from;
        // The same N draws as generatedSide, of which this part keeps its rows: z_i depends on i alone.
        float[] z = java.util.Arrays.copyOfRange(method.prior().sample(new Rng(seed), n, d), from * d, to * d);
        List<byte[]> generated = Decode.images(method, manager, z, 64);
        double enc = 0;
        double mse = 0;
        double psnr = 0;
        double ssim = 0;
        if (hasEncoder) {
            Inversion ofGenerated = new EncoderInverter(method, manager, 64).invert(generated);
            enc = encoderLoss(method, manager, z, ofGenerated.codes(), true) * (double) m * d;
            mse = encoderLoss(method, manager, z, ofGenerated.codes(), false) * (double) m * d;
            ImagePairs gen = pairs(generated, ofGenerated.reconstructions(), c, r);
            psnr = gen.meanPsnr() * m;
            ssim = gen.meanSsim() * m;
        }
        if (features instanceof Classifier classifier) {
            Classifier.Scores scores = classifier.score(generated, c, r);
            return new GeneratedPart(scores.features(), enc, mse, psnr, ssim,
                    ClassMetrics.histogram(scores.classes(), classifier.config().classes().size()));
        }
        return new GeneratedPart(features.of(generated, c, r), enc, mse, psnr, ssim, new long[0]);
    }

    /**
     * What a part of the real images gives, image by image, so that parts measured apart combine.
     *
     * @param features count × dim row-major
     * @param codes count × d encoder codes, empty without an encoder
     * @param psnr per image, of G(E(x)) against x; empty without an encoder
     * @param ssim per image, likewise
     * @param classes with a {@link Classifier} as the features: its decision per image; otherwise empty
     * @param reconstructedClasses its decision per encoder reconstruction; empty without both
     */
    public record RealPart(int count, float[] features, float[] codes, double[] psnr, double[] ssim, int[] classes,
                           int[] reconstructedClasses) {
    }

    public static RealPart realPart(GanMethod method, NDManager manager, List<byte[]> real, FeatureExtractor features,
                                    boolean hasEncoder) {
        int c = method.net().channels();
        int r = method.net().resolution();
        Classifier classifier = features instanceof Classifier k ? k : null;
        Classifier.Scores scores = classifier != null ? classifier.score(real, c, r) : null;
        float[] f = scores != null ? scores.features() : features.of(real, c, r);
        int[] decided = scores != null ? scores.classes() : new int[0];
        if (!hasEncoder) {
            return new RealPart(real.size(), f, new float[0], new double[0], new double[0], decided, new int[0]);
        }
        Inversion ofReal = new EncoderInverter(method, manager, 64).invert(real);
        double[] psnr = new double[real.size()];
        double[] ssim = new double[real.size()];
        ImagePairs pairs = new ImagePairs();
        for (int i = 0; i < real.size(); i++) {
            ImagePairs.Score score = pairs.add(Integer.toString(i), real.get(i), ofReal.reconstructions().get(i), c, r, r);
            psnr[i] = score.psnr();
            ssim[i] = score.ssim();
        }
        int[] rebuilt = classifier != null ? classifier.classify(ofReal.reconstructions(), c, r) : new int[0];
        return new RealPart(real.size(), f, ofReal.codes(), psnr, ssim, decided, rebuilt);
    }

    /**
     * The measurements in {@code evaluate}'s order from parts measured apart.
     *
     * @param codes N × d codes of the real images in data order (for the probes), empty without an encoder
     * @param labels their labels, or null
     * @param classPart the classifier's decisions, or null when the features are not a classifier's
     */
    public static Map<String, Object> combine(GanMethod method, NDManager manager, long count, String featuresName,
                                              double fid, double kid, GeneratedSide g, double psnrReal, double ssimReal,
                                              float[] codes, int[] labels, int classes, ClassPart classPart) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("count", (int) count);
        out.put("features", featuresName);
        out.put("fid", fid);
        out.put("kid", kid);
        if (classPart != null) {
            out.putAll(classFigures(classPart));
        }
        if (g.encoderValues().isEmpty()) {
            return out;
        }
        out.putAll(g.encoderValues());
        out.put("psnr_real", psnrReal);
        out.put("ssim_real", ssimReal);
        try (NDManager scope = manager.newSubManager()) {
            Optional<float[]> s = method.latentScale(scope);
            s.ifPresent(scale -> out.put("latent_entropy", LatentScale.entropy(scale, method.prior())));
        }
        if (labels != null && classes > 1) {
            out.putAll(probes(codes, method.net().latentDim(), labels, classes));
        }
        return out;
    }

    /**
     * classes_covered and class_kl of the generated samples (against the classifier's decisions on
     * the real images, so that its own errors weigh on both sides alike), class_kept_encoder, and the
     * classifier's accuracy on the labelled real images, which says how far to trust the rest.
     */
    public static Map<String, Object> classFigures(ClassPart p) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (p.labels() != null) {
            double accuracy = ClassMetrics.accuracy(p.real(), p.labels());
            if (!Double.isNaN(accuracy)) {
                out.put("classifier_accuracy", accuracy);
            }
        }
        out.put("classes_covered", ClassMetrics.classesCovered(p.generatedCounts()));
        out.put("class_kl", ClassMetrics.classKl(p.generatedCounts(), ClassMetrics.histogram(p.real(), p.classes())));
        if (p.reconstructed().length > 0) {
            out.put("class_kept_encoder", ClassMetrics.kept(p.real(), p.reconstructed()));
        }
        return out;
    }

    /** Hybrid inversion's settings inside evaluate: {@code invert --mode hybrid}'s defaults (200 Adam steps, lr 0.05, l2). */
    public static final OptimizeSettings HYBRID = new OptimizeSettings(200, 0.05, ganinv.api.types.InvertLoss.L2, 0, 1, 64, 0);

    /**
     * psnr_hybrid, ssim_hybrid and (with a classifier) class_kept_hybrid of hybrid inversion
     * (encoder start, then {@link #HYBRID}) of the given real images.
     *
     * @param real 8-bit images [C, R, R]
     * @param classifier or null
     */
    public static Map<String, Object> hybrid(GanMethod method, NDManager manager, List<byte[]> real, Classifier classifier) {
        int c = method.net().channels();
        int r = method.net().resolution();
        Inversion inversion = new OptimizationInverter(method, manager, HYBRID, true).invert(real, InversionProgress.NONE);
        ImagePairs pairs = pairs(real, inversion.reconstructions(), c, r);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("hybrid_count", real.size());
        out.put("psnr_hybrid", pairs.meanPsnr());
        out.put("ssim_hybrid", pairs.meanSsim());
        if (classifier != null) {
            out.put("class_kept_hybrid", ClassMetrics.kept(classifier.classify(real, c, r),
                    classifier.classify(inversion.reconstructions(), c, r)));
        }
        return out;
    }

    private static double mean(double[] values) {
        return java.util.Arrays.stream(values).average().orElse(Double.NaN);
    }

    /**
     * The linear and 1-NN probes on the labelled rows' codes (rows without a label, such as images
     * at a folder's root beside its class subfolders, are left out), with what to read them against.
     *
     * @param codes N × d codes of the real images
     */
    public static Map<String, Object> probes(float[] codes, int d, int[] labels, int classes) {
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
