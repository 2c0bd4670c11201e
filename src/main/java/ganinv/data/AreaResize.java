package ganinv.data;

/**
 * Area-average resampling: each output pixel is the mean of the input area it covers, with
 * partial pixels weighted by their covered fraction. Down-scaling averages without aliasing;
 * up-scaling degrades gracefully to nearest-like interpolation. Separable, rows then columns.
 */
final class AreaResize {
    private AreaResize() {
    }

    /** [C, H, W] to [C, outH, outW]. */
    static float[] resize(float[] src, int channels, int h, int w, int outH, int outW) {
        if (h == outH && w == outW) {
            return src.clone();
        }
        float[][] wy = weights(h, outH);
        float[][] wx = weights(w, outW);
        float[] tmp = new float[channels * outH * w];
        for (int c = 0; c < channels; c++) {
            for (int oy = 0; oy < outH; oy++) {
                for (int y = 0; y < h; y++) {
                    float f = wy[oy][y];
                    if (f == 0f) {
                        continue;
                    }
                    int s = (c * h + y) * w;
                    int t = (c * outH + oy) * w;
                    for (int x = 0; x < w; x++) {
                        tmp[t + x] += f * src[s + x];
                    }
                }
            }
        }
        float[] out = new float[channels * outH * outW];
        for (int c = 0; c < channels; c++) {
            for (int oy = 0; oy < outH; oy++) {
                int t = (c * outH + oy) * w;
                int o = (c * outH + oy) * outW;
                for (int ox = 0; ox < outW; ox++) {
                    float sum = 0f;
                    float[] row = wx[ox];
                    for (int x = 0; x < w; x++) {
                        sum += row[x] * tmp[t + x];
                    }
                    out[o + ox] = sum;
                }
            }
        }
        return out;
    }

    /** weights[o][i]: fraction of output cell o covered by input cell i, normalised to sum 1. */
    private static float[][] weights(int in, int out) {
        float[][] weights = new float[out][in];
        double scale = (double) in / out;
        for (int o = 0; o < out; o++) {
            double a = o * scale;
            double b = (o + 1) * scale;
            for (int i = (int) Math.floor(a); i < Math.min(in, (int) Math.ceil(b)); i++) {
                double overlap = Math.min(b, i + 1) - Math.max(a, i);
                if (overlap > 0) {
                    weights[o][i] = (float) (overlap / scale);
                }
            }
        }
        return weights;
    }
}
