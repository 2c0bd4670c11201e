package ganinv.api;

import ganinv.api.types.BadInputException;
import java.util.Map;

/**
 * What {@code ganinv evaluate} measures, as values. A figure that was not measured (no encoder,
 * no latent scale, no labels) is {@link Double#NaN}; {@link #json()} holds exactly the keys and
 * values the command writes, for anything this record does not name.
 *
 * @param count N, real and generated images each
 * @param features the features FID/KID are computed over
 * @param fid Fréchet distance between real and generated features
 * @param kid kernel inception distance (unbiased MMD², cubic kernel)
 * @param encoderLoss mean((z − E(G(z)))²∘s²), the method's own L_enc units
 * @param latentMse mean((z − E(G(z)))²), comparable across methods
 * @param psnrGenerated mean PSNR (dB) of G(E(G(z))) against G(z)
 * @param ssimGenerated mean SSIM of the same pairs
 * @param psnrReal mean PSNR (dB) of G(E(x)) against real x
 * @param ssimReal mean SSIM of the same pairs
 * @param latentEntropy the latent scale's entropy (DLSGAN), nats
 * @param probeAccuracy linear-probe accuracy on the real images' codes, 0..1
 * @param probeChance the accuracy of always answering the most frequent class
 * @param classesCovered with a classifier: classes given at least 1% of the generated samples; −1 without one
 * @param classKl with a classifier: KL(generated class histogram ‖ real class histogram), nats
 * @param classKeptEncoder with a classifier: share of real images whose encoder reconstruction keeps their class
 * @param classKeptHybrid with a classifier and a hybrid count: the same for hybrid reconstructions
 * @param classifierAccuracy with a classifier and labels: its accuracy on the scored real images
 * @param psnrHybrid with a hybrid count: mean PSNR (dB) of hybrid reconstructions of real images
 * @param json every key and value of the command's JSON, in its order (unmodifiable)
 */
public record Evaluation(int count, String features, double fid, double kid, double encoderLoss, double latentMse,
                         double psnrGenerated, double ssimGenerated, double psnrReal, double ssimReal,
                         double latentEntropy, double probeAccuracy, double probeChance, int classesCovered,
                         double classKl, double classKeptEncoder, double classKeptHybrid, double classifierAccuracy,
                         double psnrHybrid, Map<String, Object> json) {
    /**
     * The record of an evaluation's JSON, as {@code ganinv evaluate --json} writes it (read it
     * back with any JSON library into a map).
     *
     * @param v the JSON object's keys and values; missing figures become {@link Double#NaN}
     * @return the evaluation
     * @throws BadInputException when {@code count} is missing
     */
    public static Evaluation of(Map<String, Object> v) {
        Guard.require(v != null && v.get("count") instanceof Number, "evaluation: no \"count\"; pass the JSON evaluate writes");
        return new Evaluation(((Number) v.get("count")).intValue(), String.valueOf(v.get("features")),
                number(v, "fid"), number(v, "kid"), number(v, "encoder_loss"), number(v, "latent_mse"),
                number(v, "psnr_generated"), number(v, "ssim_generated"), number(v, "psnr_real"), number(v, "ssim_real"),
                number(v, "latent_entropy"), number(v, "probe_accuracy"), number(v, "probe_chance"),
                v.get("classes_covered") instanceof Number c ? c.intValue() : -1, number(v, "class_kl"),
                number(v, "class_kept_encoder"), number(v, "class_kept_hybrid"), number(v, "classifier_accuracy"),
                number(v, "psnr_hybrid"),
                java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(v)));
    }

    private static double number(Map<String, Object> v, String key) {
        return v.get(key) instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
