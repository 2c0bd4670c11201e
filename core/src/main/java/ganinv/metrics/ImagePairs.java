package ganinv.metrics;

import java.util.ArrayList;
import java.util.List;

/** PSNR and SSIM for named pairs of 8-bit images, with their means, in the JSON shape users script against. */
public final class ImagePairs {
    /** One pair's scores. */
    public record Score(String name, double psnr, double ssim) {
    }

    private final List<Score> scores = new ArrayList<>();

    /** Scores one pair of 8-bit [C, H, W] images; SSIM is NaN below its 11x11 window. */
    public Score add(String name, byte[] reference, byte[] candidate, int channels, int height, int width) {
        double ssim = Math.min(height, width) >= Ssim.WINDOW
                ? Ssim.of(reference, candidate, channels, height, width) : Double.NaN;
        Score s = new Score(name, Psnr.of(reference, candidate), ssim);
        scores.add(s);
        return s;
    }

    public List<Score> scores() {
        return scores;
    }

    public double meanPsnr() {
        return scores.stream().mapToDouble(Score::psnr).average().orElse(Double.NaN);
    }

    public double meanSsim() {
        return scores.stream().mapToDouble(Score::ssim).average().orElse(Double.NaN);
    }
}
