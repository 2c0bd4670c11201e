package ganinv.api;

import ganinv.metrics.Classifier;
import ganinv.metrics.FeatureExtractor;
import ganinv.metrics.RandomConvFeatures;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code evaluate} in parts, for real image sets measured apart (per Spark partition): the
 * generated side once, the real side per part (features, codes, reconstruction scores, image by
 * image), then {@link #finish} with the parts' totals. The same functions {@code evaluate} runs;
 * only the sums are taken in another order. Features are the fallback features of {@code evaluate},
 * or with a classifier file ({@code evaluate --classifier}) its features and class decisions.
 *
 * <p><b>Unstable</b>, with {@link KernelSums} and {@link FeatureMoments}: these exist for ganinv's Spark
 * jobs and may change with them; a program should use {@link GanRun#evaluate} instead.
 */
public final class PartialEvaluation {
    private PartialEvaluation() {
    }

    /**
     * What N generated images give.
     *
     * @param features [N][dim] their features
     * @param values encoder_loss, latent_mse, psnr_generated, ssim_generated (empty without an encoder)
     * @param classCounts with a classifier: generated samples per class; otherwise empty
     */
    public record Generated(float[][] features, Map<String, Object> values, long[] classCounts) {
    }

    /**
     * What the generated images {@code from..to} of N give, as sums over the part.
     *
     * @param features [to − from][dim]
     * @param encoderLossSum Σ (z − E(G(z)))²∘s² over the part's elements (0 without an encoder)
     * @param latentMseSum Σ (z − E(G(z)))² over the part's elements (0 without an encoder)
     * @param psnrSum Σ PSNR of G(E(G(z))) against G(z) (0 without an encoder)
     * @param ssimSum Σ SSIM likewise
     * @param classCounts with a classifier: the part's samples per class; otherwise empty
     */
    public record GeneratedPart(float[][] features, double encoderLossSum, double latentMseSum, double psnrSum,
                                double ssimSum, long[] classCounts) {
    }

    /**
     * The generated side's totals over every part.
     *
     * @param count N
     * @param moments the merged feature moments
     * @param kernelOffDiagonal Σ_{i≠j} k(y_i, y_j) over all generated features
     * @param encoderLossSum Σ over the parts ({@link GeneratedPart})
     * @param latentMseSum Σ over the parts
     * @param psnrSum Σ over the parts
     * @param ssimSum Σ over the parts
     * @param classCounts summed over the parts, or empty
     */
    public record GeneratedTotals(long count, FeatureMoments moments, double kernelOffDiagonal, double encoderLossSum,
                                 double latentMseSum, double psnrSum, double ssimSum, long[] classCounts) {
    }

    /**
     * @param run the run
     * @param count N, the real set's size
     * @param seed {@code evaluate --seed} (default 1000003)
     * @param from the part's first index, 0 ≤ from &lt; to ≤ count
     * @param to one past its last
     * @param classifier a {@code train-classifier} file, or null for the fallback features
     * @return the part of {@link #generated}'s images {@code from..to}, measured alone
     */
    public static GeneratedPart generatedPart(GanRun run, int count, long seed, int from, int to, Path classifier) {
        Parts.require(0 <= from && from < to && to <= count, "part " + from + ".." + to + ": must lie in 0.." + count);
        return run.reading(t -> {
            boolean encoder = ganinv.train.Measure.canInvert(t);
            try (FeatureExtractor f = features(t, classifier)) {
                ganinv.metrics.Evaluation.GeneratedPart g = ganinv.metrics.Evaluation.generatedPart(t.method(), t.manager(),
                        count, seed, from, to, f, encoder);
                return new GeneratedPart(Parts.rows(g.features(), f.dim()), g.encoderLossSum(), g.latentMseSum(), g.psnrSum(),
                        g.ssimSum(), g.classCounts());
            }
        });
    }

    /**
     * What a part of the real images gives, image by image.
     *
     * @param features [n][dim]
     * @param codes [n][d] encoder codes ([0][d] without an encoder)
     * @param psnr per image, dB, of the reconstruction against the image as the run sees it
     * @param ssim per image
     * @param classes with a classifier: its decision per image; otherwise empty
     * @param reconstructedClasses with a classifier and an encoder: its decision per reconstruction; otherwise empty
     */
    public record Real(float[][] features, float[][] codes, double[] psnr, double[] ssim, int[] classes,
                       int[] reconstructedClasses) {
    }

    /**
     * The real set's totals over every part.
     *
     * @param count N
     * @param moments the merged feature moments
     * @param kernelOffDiagonal Σ_{i≠j} k(x_i, x_j) over all real features ({@link KernelSums})
     * @param kernelCross Σ_{i,j} k(x_i, y_j), real against generated
     * @param psnrSum Σ PSNR over the images
     * @param ssimSum Σ SSIM over the images
     * @param codes [N][d] in data order (for the probes), or empty
     * @param labels [N] class indices in data order (-1: none), or null
     * @param classes the class names, or empty
     * @param data a description of the data for the JSON
     * @param decided with a classifier: its decisions on the real images in data order; otherwise empty
     * @param reconstructedDecided with a classifier and an encoder: on their reconstructions; otherwise empty
     */
    public record RealTotals(long count, FeatureMoments moments, double kernelOffDiagonal, double kernelCross,
                             double psnrSum, double ssimSum, float[][] codes, int[] labels, List<String> classes,
                             String data, int[] decided, int[] reconstructedDecided) {
    }

    /**
     * @param run the run
     * @param count N, the real set's size
     * @param seed {@code evaluate --seed} (default 1000003)
     * @return the generated side
     */
    public static Generated generated(GanRun run, int count, long seed) {
        return generated(run, count, seed, null);
    }

    /**
     * @param run the run
     * @param count N, the real set's size
     * @param seed {@code evaluate --seed} (default 1000003)
     * @param classifier a {@code train-classifier} file, or null for the fallback features
     * @return the generated side
     */
    public static Generated generated(GanRun run, int count, long seed, Path classifier) {
        Parts.require(count >= 2, "count " + count + ": need at least 2 images");
        return run.reading(t -> {
            boolean encoder = ganinv.train.Measure.canInvert(t);
            try (FeatureExtractor f = features(t, classifier)) {
                ganinv.metrics.Evaluation.GeneratedSide g = ganinv.metrics.Evaluation.generatedSide(t.method(), t.manager(),
                        count, seed, f, encoder);
                return new Generated(Parts.rows(g.features(), f.dim()), g.encoderValues(), g.classCounts());
            }
        });
    }

    private static FeatureExtractor features(ganinv.train.TrainedRun t, Path classifier) {
        return classifier == null ? new RandomConvFeatures(t.manager()) : Classifier.load(classifier, t.manager());
    }

    /**
     * @param run the run
     * @param images a part of the real set, any size (fitted as {@code evaluate} fits them)
     * @return the part's measures
     */
    public static Real real(GanRun run, List<BufferedImage> images) {
        return real(run, images, null);
    }

    /**
     * @param run the run
     * @param images a part of the real set, any size (fitted as {@code evaluate} fits them)
     * @param classifier a {@code train-classifier} file, or null for the fallback features
     * @return the part's measures
     */
    public static Real real(GanRun run, List<BufferedImage> images, Path classifier) {
        Parts.require(images != null && !images.isEmpty() && images.stream().allMatch(java.util.Objects::nonNull),
                "images: none given, or a null image; pass at least one image");
        List<byte[]> pixels = images.stream().map(i -> ganinv.data.ImageCodec.fit(i, run.channels(), run.resolution())).toList();
        return run.reading(t -> {
            try (FeatureExtractor f = features(t, classifier)) {
                ganinv.metrics.Evaluation.RealPart r = ganinv.metrics.Evaluation.realPart(t.method(), t.manager(), pixels, f,
                        ganinv.train.Measure.canInvert(t));
                float[][] codes = r.codes().length == 0 ? new float[0][run.latentDim()] : Parts.rows(r.codes(), run.latentDim());
                return new Real(Parts.rows(r.features(), f.dim()), codes, r.psnr(), r.ssim(), r.classes(),
                        r.reconstructedClasses());
            }
        });
    }

    /**
     * @param run the run
     * @param generated from {@link #generated}
     * @param real the real parts' totals
     * @return the same record {@link GanRun#evaluate} returns, its JSON headed as {@code evaluate}'s
     */
    public static Evaluation finish(GanRun run, Generated generated, RealTotals real) {
        return finish(run, generated, real, null);
    }

    /**
     * @param run the run
     * @param generated from {@link #generated}
     * @param real the real parts' totals
     * @param classifier the classifier file the parts were measured with, or null
     * @return the same record {@link GanRun#evaluate} returns, its JSON headed as {@code evaluate}'s
     */
    public static Evaluation finish(GanRun run, Generated generated, RealTotals real, Path classifier) {
        int dim = generated.features().length == 0 ? 1 : generated.features()[0].length;
        FeatureMoments moments = FeatureMoments.of(generated.features(), dim);
        return finish(run, generated.features().length, moments, KernelSums.offDiagonal(generated.features()),
                generated.values(), generated.classCounts(), real, classifier);
    }

    /**
     * @param run the run
     * @param generated the generated parts' totals
     * @param real the real parts' totals
     * @param classifier the classifier file the parts were measured with, or null
     * @return the same record {@link GanRun#evaluate} returns, its JSON headed as {@code evaluate}'s
     */
    public static Evaluation finish(GanRun run, GeneratedTotals generated, RealTotals real, Path classifier) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (run.reading(ganinv.train.Measure::canInvert)) {
            double elements = (double) generated.count() * run.latentDim();
            values.put("encoder_loss", generated.encoderLossSum() / elements);
            values.put("latent_mse", generated.latentMseSum() / elements);
            values.put("psnr_generated", generated.psnrSum() / generated.count());
            values.put("ssim_generated", generated.ssimSum() / generated.count());
        }
        return finish(run, generated.count(), generated.moments(), generated.kernelOffDiagonal(), values,
                generated.classCounts(), real, classifier);
    }

    private static Evaluation finish(GanRun run, long generatedCount, FeatureMoments generatedMoments,
                                                double generatedOffDiagonal, Map<String, Object> generatedValues,
                                                long[] classCounts, RealTotals real, Path classifier) {
        double fid = FeatureMoments.fid(real.moments(), generatedMoments);
        double kid = KernelSums.kid(real.kernelOffDiagonal(), real.count(), generatedOffDiagonal, generatedCount,
                real.kernelCross());
        return run.reading(t -> {
            Map<String, Object> json = ganinv.train.Measure.header(t, real.data());
            ganinv.metrics.Evaluation.ClassPart part = null;
            String features = RandomConvFeatures.NAME;
            if (classifier != null) {
                try (Classifier c = Classifier.load(classifier, t.manager())) {
                    json.put("classifier", classifier.toString());
                    json.put("classifier_trained_on", c.config().data());
                    json.put("classifier_held_out_accuracy", c.config().heldOutAccuracy());
                    features = c.name();
                    part = new ganinv.metrics.Evaluation.ClassPart(c.config().classes().size(), classCounts, real.decided(),
                            real.reconstructedDecided(), real.labels());
                }
            }
            float[] codes = real.codes().length == 0 ? new float[0] : Parts.flatten(real.codes(), run.latentDim(), "codes");
            json.putAll(ganinv.metrics.Evaluation.combine(t.method(), t.manager(), real.count(), features, fid, kid,
                    new ganinv.metrics.Evaluation.GeneratedSide(new float[0], generatedValues, classCounts),
                    real.psnrSum() / real.count(), real.ssimSum() / real.count(), codes, real.labels(),
                    real.classes().size(), part));
            json.put("encoder", ganinv.train.Measure.encoderEntry(t));   // "encoders", both side by side, is evaluate's alone
            return Evaluation.of(json);
        });
    }
}
