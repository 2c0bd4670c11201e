package ganinv.metrics;

import java.util.List;

/**
 * How far the images' mean colours spread: each image's mean of each channel (in [0, 1]), the
 * standard deviation of those means over the images (population form), averaged over the
 * channels. A set of one-colour samples, whatever its shapes, scores near 0; the built-in shapes
 * (a bright colour on a dark ground, both drawn at random) score about 0.09. Read it against the
 * real images' own figure.
 */
public final class ColourSpread {
    private ColourSpread() {
    }

    /**
     * @param images 8-bit planar images [C, R, R]
     * @param channels C
     * @return the spread; NaN for fewer than two images
     */
    public static double of(List<byte[]> images, int channels) {
        int n = images.size();
        if (n < 2) {
            return Double.NaN;
        }
        double total = 0;
        for (int c = 0; c < channels; c++) {
            double sum = 0;
            double sumSq = 0;
            for (byte[] image : images) {
                double m = channelMean(image, channels, c);
                sum += m;
                sumSq += m * m;
            }
            double mean = sum / n;
            total += Math.sqrt(Math.max(0, sumSq / n - mean * mean));
        }
        return total / channels;
    }

    private static double channelMean(byte[] image, int channels, int c) {
        int plane = image.length / channels;
        long sum = 0;
        for (int i = c * plane; i < (c + 1) * plane; i++) {
            sum += image[i] & 0xff;
        }
        return sum / (255.0 * plane);
    }
}
