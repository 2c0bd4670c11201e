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
        Rows rows = new Rows(channels, h, w, outH, outW);
        float[] row = new float[channels * w];
        for (int y = 0; y < h; y++) {
            for (int c = 0; c < channels; c++) {
                System.arraycopy(src, (c * h + y) * w, row, c * w, w);
            }
            rows.add(y, row);
        }
        return rows.finish();
    }

    /**
     * The same resize fed one source row at a time, top to bottom, so that a large photo never
     * has to exist as floats: memory is [C, outH, W] plus one row. Every output value is summed
     * in the same order as {@link #resize}, so both give bitwise equal results.
     */
    static final class Rows {
        private final int channels;
        private final int w;
        private final int outH;
        private final int outW;
        private final float[][] wy;
        private final int[][] outputsOf;               // per source row: the first and last output row it weighs in
        private final float[] tmp;                     // [C, outH, W]: rows resized, columns not yet

        Rows(int channels, int h, int w, int outH, int outW) {
            this.channels = channels;
            this.w = w;
            this.outH = outH;
            this.outW = outW;
            this.wy = weights(h, outH);
            this.outputsOf = new int[h][];
            for (int y = 0; y < h; y++) {
                int first = outH;
                int last = -1;
                for (int oy = 0; oy < outH; oy++) {
                    if (wy[oy][y] != 0f) {
                        first = Math.min(first, oy);
                        last = oy;
                    }
                }
                outputsOf[y] = new int[] {first, last};
            }
            this.tmp = new float[channels * outH * w];
        }

        /** @param row source row {@code y} as [C, W] */
        void add(int y, float[] row) {
            for (int oy = outputsOf[y][0]; oy <= outputsOf[y][1]; oy++) {      // only the rows it weighs in
                float f = wy[oy][y];
                if (f == 0f) {
                    continue;
                }
                for (int c = 0; c < channels; c++) {
                    int s = c * w;
                    int t = (c * outH + oy) * w;
                    for (int x = 0; x < w; x++) {
                        tmp[t + x] += f * row[s + x];
                    }
                }
            }
        }

        /** @return [C, outH, outW] */
        float[] finish() {
            float[][] wx = weights(w, outW);
            // Each output column sums only its nonzero weights: the zero ones add +0 to a sum of
            // non-negative terms, so skipping them changes no bit and saves a factor of W/outW.
            int[] from = new int[outW];
            int[] to = new int[outW];
            for (int ox = 0; ox < outW; ox++) {
                from[ox] = w;
                for (int x = 0; x < w; x++) {
                    if (wx[ox][x] != 0f) {
                        from[ox] = Math.min(from[ox], x);
                        to[ox] = x + 1;
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
                        float[] weightsX = wx[ox];
                        for (int x = from[ox]; x < to[ox]; x++) {
                            sum += weightsX[x] * tmp[t + x];
                        }
                        out[o + ox] = sum;
                    }
                }
            }
            return out;
        }
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
