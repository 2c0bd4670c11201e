package ganinv.metrics;

/**
 * Structural similarity (Wang et al. 2004) of two 8-bit images, computed as scikit-image's
 * {@code structural_similarity(gaussian_weights=True, sigma=1.5, use_sample_covariance=False,
 * data_range=255)}: an 11-tap Gaussian window (truncate 3.5) applied separably with mirror
 * ("reflect") borders, K1 = 0.01, K2 = 0.03, the SSIM map cropped by 5 pixels at each border
 * before averaging, and the mean over channels for colour.
 */
public final class Ssim {
    private static final double SIGMA = 1.5;
    private static final int RADIUS = (int) (3.5 * SIGMA + 0.5);
    private static final double[] KERNEL = kernel();
    /** The window's side: images must be at least this large. */
    public static final int WINDOW = 2 * RADIUS + 1;
    private static final double C1 = Math.pow(0.01 * 255, 2);
    private static final double C2 = Math.pow(0.03 * 255, 2);

    private Ssim() {
    }

    /** Mean SSIM of two images in [C, H, W] 8-bit layout; both sides at least 11 pixels. */
    public static double of(byte[] reference, byte[] candidate, int channels, int height, int width) {
        int plane = height * width;
        if (reference.length != channels * plane || candidate.length != channels * plane) {
            throw new IllegalArgumentException("SSIM needs two images of " + channels + "x" + height + "x" + width);
        }
        if (height < 2 * RADIUS + 1 || width < 2 * RADIUS + 1) {
            throw new IllegalArgumentException("SSIM needs images of at least 11x11 pixels, got " + height + "x" + width);
        }
        double total = 0;
        for (int c = 0; c < channels; c++) {
            total += channel(reference, candidate, c * plane, height, width);
        }
        return total / channels;
    }

    private static double channel(byte[] a, byte[] b, int offset, int h, int w) {
        int n = h * w;
        double[] x = new double[n];
        double[] y = new double[n];
        double[] xx = new double[n];
        double[] yy = new double[n];
        double[] xy = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = a[offset + i] & 0xff;
            y[i] = b[offset + i] & 0xff;
            xx[i] = x[i] * x[i];
            yy[i] = y[i] * y[i];
            xy[i] = x[i] * y[i];
        }
        double[] ux = blur(x, h, w);
        double[] uy = blur(y, h, w);
        double[] uxx = blur(xx, h, w);
        double[] uyy = blur(yy, h, w);
        double[] uxy = blur(xy, h, w);
        double sum = 0;
        int count = 0;
        for (int r = RADIUS; r < h - RADIUS; r++) {
            for (int col = RADIUS; col < w - RADIUS; col++) {
                int i = r * w + col;
                double vx = uxx[i] - ux[i] * ux[i];
                double vy = uyy[i] - uy[i] * uy[i];
                double vxy = uxy[i] - ux[i] * uy[i];
                double num = (2 * ux[i] * uy[i] + C1) * (2 * vxy + C2);
                double den = (ux[i] * ux[i] + uy[i] * uy[i] + C1) * (vx + vy + C2);
                sum += num / den;
                count++;
            }
        }
        return sum / count;
    }

    /** Separable Gaussian filter, rows then columns, with half-sample mirror borders (d c b a | a b c d). */
    private static double[] blur(double[] in, int h, int w) {
        double[] tmp = new double[in.length];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                double s = 0;
                for (int k = -RADIUS; k <= RADIUS; k++) {
                    s += KERNEL[k + RADIUS] * in[r * w + mirror(c + k, w)];
                }
                tmp[r * w + c] = s;
            }
        }
        double[] out = new double[in.length];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                double s = 0;
                for (int k = -RADIUS; k <= RADIUS; k++) {
                    s += KERNEL[k + RADIUS] * tmp[mirror(r + k, h) * w + c];
                }
                out[r * w + c] = s;
            }
        }
        return out;
    }

    private static int mirror(int i, int n) {
        int period = 2 * n;
        int m = Math.floorMod(i, period);
        return m < n ? m : period - 1 - m;
    }

    private static double[] kernel() {
        double[] k = new double[2 * RADIUS + 1];
        double sum = 0;
        for (int i = -RADIUS; i <= RADIUS; i++) {
            k[i + RADIUS] = Math.exp(-0.5 * i * i / (SIGMA * SIGMA));
            sum += k[i + RADIUS];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        return k;
    }
}
