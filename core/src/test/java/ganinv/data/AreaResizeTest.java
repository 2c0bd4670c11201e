package ganinv.data;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The resize sums only the weights that are not zero; it must equal the dense sum over every pixel, bit for bit. */
class AreaResizeTest {
    /** The dense definition: every output pixel sums every input pixel times its (mostly zero) weight. */
    static float[] dense(float[] src, int channels, int h, int w, int outH, int outW) {
        float[][] wy = weights(h, outH);
        float[][] wx = weights(w, outW);
        float[] tmp = new float[channels * outH * w];
        for (int y = 0; y < h; y++) {
            for (int oy = 0; oy < outH; oy++) {
                for (int c = 0; c < channels; c++) {
                    for (int x = 0; x < w; x++) {
                        tmp[(c * outH + oy) * w + x] += wy[oy][y] * src[(c * h + y) * w + x];
                    }
                }
            }
        }
        float[] out = new float[channels * outH * outW];
        for (int c = 0; c < channels; c++) {
            for (int oy = 0; oy < outH; oy++) {
                for (int ox = 0; ox < outW; ox++) {
                    float sum = 0f;
                    for (int x = 0; x < w; x++) {
                        sum += wx[ox][x] * tmp[(c * outH + oy) * w + x];
                    }
                    out[(c * outH + oy) * outW + ox] = sum;
                }
            }
        }
        return out;
    }

    static float[][] weights(int in, int out) {
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

    @Test
    void theSparseSumsEqualTheDenseDefinitionBitwise() {
        Random r = new Random(5);
        int[][] shapes = {{37, 23, 16, 16}, {178, 218, 64, 64}, {128, 128, 128, 128}, {5, 9, 32, 32}, {61, 61, 7, 13},
                {100, 3, 10, 30}, {256, 256, 32, 32}};
        for (int[] s : shapes) {
            for (int channels : new int[] {1, 3}) {
                float[] src = new float[channels * s[0] * s[1]];
                for (int i = 0; i < src.length; i++) {
                    src[i] = r.nextInt(256);
                }
                Object expected = s[0] == s[2] && s[1] == s[3] ? src : dense(src, channels, s[0], s[1], s[2], s[3]);
                assertThat(AreaResize.resize(src, channels, s[0], s[1], s[2], s[3]))
                        .as("%dx%d to %dx%d, C %d", s[0], s[1], s[2], s[3], channels).containsExactly((float[]) expected);
            }
        }
    }
}
