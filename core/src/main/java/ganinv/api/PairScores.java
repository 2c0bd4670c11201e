package ganinv.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PSNR and SSIM of image pairs, as {@code ganinv invert} and {@code ganinv metrics} report them.
 *
 * @param pairs one score per pair, in the order scored
 * @param unpaired reference images that had no candidate (0 when pairs were given directly)
 */
public record PairScores(List<Score> pairs, int unpaired) {
    /**
     * One pair's scores.
     *
     * @param name the pair's name
     * @param psnr PSNR in dB over 8-bit values (infinite for identical images)
     * @param ssim mean SSIM over channels; NaN below its 11×11 window
     */
    public record Score(String name, double psnr, double ssim) {
    }

    /**
     * @param pairs as above
     * @param unpaired as above
     */
    public PairScores {
        pairs = List.copyOf(pairs);
    }

    /** @return the mean PSNR (dB) over the pairs */
    public double meanPsnr() {
        return pairs.stream().mapToDouble(Score::psnr).average().orElse(Double.NaN);
    }

    /** @return the mean SSIM over the pairs */
    public double meanSsim() {
        return pairs.stream().mapToDouble(Score::ssim).average().orElse(Double.NaN);
    }

    /**
     * The JSON the commands write: {@code head}'s entries, then {@code count}, {@code mean}
     * ({@code psnr}, {@code ssim}) and {@code images} (each {@code name}, {@code psnr}, {@code ssim}).
     *
     * @param head entries to lead with (mode, run, ...)
     * @return the object, in that order
     */
    public Map<String, Object> json(Map<String, Object> head) {
        Map<String, Object> json = new LinkedHashMap<>(head);
        json.put("count", pairs.size());
        Map<String, Object> mean = new LinkedHashMap<>();
        mean.put("psnr", meanPsnr());
        mean.put("ssim", meanSsim());
        json.put("mean", mean);
        json.put("images", new ArrayList<>(pairs));
        return json;
    }
}
