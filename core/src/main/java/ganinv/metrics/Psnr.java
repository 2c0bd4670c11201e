package ganinv.metrics;

/**
 * Peak signal-to-noise ratio of two 8-bit images, data range 255, with the mean squared error
 * taken over every value of every channel (as scikit-image's peak_signal_noise_ratio does).
 * Identical images give +Infinity.
 */
public final class Psnr {
    private Psnr() {
    }

    /** @param reference,candidate 8-bit values of the same length, any layout */
    public static double of(byte[] reference, byte[] candidate) {
        if (reference.length != candidate.length || reference.length == 0) {
            throw new IllegalArgumentException("PSNR needs two non-empty images of the same size, got "
                    + reference.length + " and " + candidate.length + " values");
        }
        double sum = 0;
        for (int i = 0; i < reference.length; i++) {
            double d = (reference[i] & 0xff) - (candidate[i] & 0xff);
            sum += d * d;
        }
        double mse = sum / reference.length;
        return 10 * Math.log10(255.0 * 255.0 / mse);
    }
}
