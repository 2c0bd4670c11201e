package ganinv.edit;

import ganinv.api.types.Method;
import ganinv.api.types.LatentDistribution;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ganinv.data.ImageTensor;
import ganinv.data.ShapesDataset;
import ganinv.invert.Decode;
import ganinv.invert.EncoderInverter;
import ganinv.model.NetConfig;
import ganinv.objective.GanMethod;
import ganinv.objective.Methods;
import ganinv.random.Rng;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class InterpolationAndDirectionTest {
    @Test
    void pathsStartAndEndAtTheCodesThemselves() {
        float[] a = {0.3f, -1.2f, 2f};
        float[] b = {-0.7f, 0.4f, 0.1f};
        for (boolean slerp : new boolean[] {false, true}) {
            float[] p = Interpolation.path(a, b, 5, slerp);
            assertThat(Arrays.copyOfRange(p, 0, 3)).containsExactly(a);
            assertThat(Arrays.copyOfRange(p, 12, 15)).containsExactly(b);
        }
        // Linear midpoint; spherical midpoint of two orthogonal unit vectors keeps unit norm.
        assertThat(Interpolation.path(a, b, 3, false)[3]).isCloseTo(-0.2f, within(1e-6f));
        float[] mid = Arrays.copyOfRange(Interpolation.path(new float[] {1, 0}, new float[] {0, 1}, 3, true), 2, 4);
        assertThat(mid[0]).isCloseTo((float) Math.sqrt(0.5), within(1e-6f));
        assertThat(mid[1]).isCloseTo((float) Math.sqrt(0.5), within(1e-6f));
    }

    @Test
    void directionIsTheDifferenceOfClassMeansAndEditsAddIt() {
        float[] codes = {1, 0, 3, 0, 0, 2, 0, 4};   // four codes of d = 2
        List<Integer> labels = List.of(0, 0, 1, 2);
        assertThat(AttributeDirection.between(codes, 2, labels, 0, -1)).containsExactly(2f, -3f);
        assertThat(AttributeDirection.between(codes, 2, labels, 0, 1)).containsExactly(2f, -2f);
        assertThatThrownBy(() -> AttributeDirection.between(codes, 2, labels, 0, 5)).hasMessageContaining("0 without");
        assertThat(AttributeDirection.along(new float[] {1, 1}, new float[] {2, -3}, new double[] {-1, 0, 0.5}))
                .containsExactly(-1f, 4f, 1f, 1f, 2f, -0.5f);
    }

    /**
     * A circle-versus-square direction computed with the encoder moves squares towards circles as
     * the encoder sees the edited images: E(G(z + 2·dir)) projects further along dir than E(G(z)).
     */
    @Test
    void aShapesDirectionMovesTheEncodersViewTheRightWay() {
        NetConfig net = new NetConfig(16, 3, 16, 8);
        Engine.getInstance().setRandomSeed(9);
        try (NDManager m = NDManager.newBaseManager()) {
            GanMethod method = Methods.create(Method.LATENT_REGRESSION, net, LatentDistribution.NORMAL, Methods.defaults(Method.LATENT_REGRESSION), m);
            ShapesDataset train = new ShapesDataset(0, -1, 16, 3);
            Rng rng = new Rng(2);
            for (int step = 0; step < 200; step++) {
                try (NDManager s = m.newSubManager()) {
                    List<byte[]> images = new ArrayList<>();
                    for (int i = 0; i < 16; i++) {
                        images.add(train.pixels(16L * step + i));
                    }
                    method.step(s, ImageTensor.batch(s, images, 3, 16), rng);
                }
            }
            ShapesDataset probe = new ShapesDataset(41, 300, 16, 3);
            List<byte[]> images = new ArrayList<>();
            List<Integer> labels = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                images.add(probe.pixels(i));
                labels.add(probe.label(i));
            }
            EncoderInverter encoder = new EncoderInverter(method, m, 64);
            float[] codes = encoder.invert(images).codes();
            int circle = ShapesDataset.CLASSES.indexOf("circle");
            int square = ShapesDataset.CLASSES.indexOf("square");
            float[] dir = AttributeDirection.between(codes, 8, labels, circle, square);
            double moved = 0;
            int squares = 0;
            for (int i = 0; i < 300 && squares < 20; i++) {
                if (labels.get(i) != square) {
                    continue;
                }
                float[] z = Arrays.copyOfRange(codes, i * 8, i * 8 + 8);
                float[] edited = AttributeDirection.along(z, dir, new double[] {0, 2});
                float[] seen = encoder.invert(Decode.images(method, m, edited, 2)).codes();
                moved += dot(Arrays.copyOfRange(seen, 8, 16), dir) - dot(Arrays.copyOfRange(seen, 0, 8), dir);
                squares++;
            }
            assertThat(moved / squares).isPositive();
        }
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * (double) b[i];
        }
        return s;
    }
}
