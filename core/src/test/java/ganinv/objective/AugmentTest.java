package ganinv.objective;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ganinv.random.Rng;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AugmentTest {
    @Test
    void drawsComeFromTheStepsRngSoAResumeRepeatsThem() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.randomUniform(-1, 1, new Shape(4, 3, 16, 16));
            float[] a = Augment.apply(x, new Rng(9)).toFloatArray();
            assertThat(Augment.apply(x, new Rng(9)).toFloatArray()).containsExactly(a);
            assertThat(Augment.apply(x, new Rng(10)).toFloatArray()).isNotEqualTo(a);
            assertThat(Augment.apply(x, new Rng(9)).getShape()).isEqualTo(x.getShape());
        }
    }

    /** Every translated image is its input shifted by at most H/8 = 2 pixels each way, zeros shifted in. */
    @Test
    void translationShiftsByAtMostAnEighth() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.arange(1f, 1 + 3 * 2 * 16 * 16).reshape(3, 2, 16, 16);
            float[] in = x.toFloatArray();
            float[] out = Augment.translate(x, new Rng(4)).toFloatArray();
            int shifted = 0;
            for (int i = 0; i < 3; i++) {
                int found = 0;
                for (int dy = -2; dy <= 2; dy++) {
                    for (int dx = -2; dx <= 2; dx++) {
                        if (isShift(in, out, i, dy, dx)) {
                            found++;
                            shifted += dy != 0 || dx != 0 ? 1 : 0;
                        }
                    }
                }
                assertThat(found).as("image " + i).isEqualTo(1);
            }
            assertThat(shifted).isPositive();
        }
    }

    private static boolean isShift(float[] in, float[] out, int i, int dy, int dx) {
        for (int c = 0; c < 2; c++) {
            for (int y = 0; y < 16; y++) {
                for (int x = 0; x < 16; x++) {
                    int sy = y + dy;
                    int sx = x + dx;
                    float expected = sy < 0 || sy >= 16 || sx < 0 || sx >= 16 ? 0 : in[((i * 2 + c) * 16 + sy) * 16 + sx];
                    if (out[((i * 2 + c) * 16 + y) * 16 + x] != expected) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** Cutout zeroes one axis-aligned rectangle of at most H/2 x W/2, the same in every channel. */
    @Test
    void cutoutZeroesOneSquareClippedAtTheBorder() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] out = Augment.cutout(m.ones(new Shape(6, 3, 16, 16)), new Rng(2)).toFloatArray();
            for (int i = 0; i < 6; i++) {
                int minY = 16;
                int maxY = -1;
                int minX = 16;
                int maxX = -1;
                int zeros = 0;
                for (int y = 0; y < 16; y++) {
                    for (int x = 0; x < 16; x++) {
                        float v = out[((i * 3) * 16 + y) * 16 + x];
                        assertThat(out[((i * 3 + 2) * 16 + y) * 16 + x]).isEqualTo(v);
                        if (v == 0) {
                            zeros++;
                            minY = Math.min(minY, y);
                            maxY = Math.max(maxY, y);
                            minX = Math.min(minX, x);
                            maxX = Math.max(maxX, x);
                        }
                    }
                }
                assertThat(zeros).as("image " + i).isPositive().isEqualTo((maxY - minY + 1) * (maxX - minX + 1));
                assertThat(maxY - minY + 1).isLessThanOrEqualTo(8);
                assertThat(maxX - minX + 1).isLessThanOrEqualTo(8);
            }
        }
    }

    /** G learns through D's augmented view: the gradient reaches every input image. */
    @Test
    void gradientsFlowThroughTheAugmentation() {
        Engine.getInstance().setRandomSeed(1);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.randomUniform(-1, 1, new Shape(4, 3, 16, 16));
            x.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(Augment.apply(x, new Rng(3)).square().sum());
            }
            NDArray g = x.getGradient();
            assertThat(g.isInfinite().any().getBoolean()).isFalse();
            assertThat(g.isNaN().any().getBoolean()).isFalse();
            for (int i = 0; i < 4; i++) {
                assertThat(g.get(i).abs().sum().getFloat()).isPositive();
            }
        }
    }
}
