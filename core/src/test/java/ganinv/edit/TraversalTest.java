package ganinv.edit;

import ganinv.api.types.Method;
import ganinv.api.types.LatentDistribution;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ganinv.data.ImageTensor;
import ganinv.model.NetConfig;
import ganinv.objective.Dlsgan;
import ganinv.objective.LatentRegression;
import ganinv.objective.MethodOptions;
import ganinv.objective.Methods;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TraversalTest {
    private static final NetConfig TINY = new NetConfig(8, 3, 4, 5);

    @Test
    void valuesRunEvenlyFromMinusRangeToRange() {
        assertThat(Traversal.values(2, 5)).containsExactly(-2f, -1f, 0f, 1f, 2f);
        assertThat(Traversal.values(3, 1)).containsExactly(0f);
    }

    @Test
    void eachRowSetsOneElementToEachValue() {
        Engine.getInstance().setRandomSeed(1);
        try (NDManager m = NDManager.newBaseManager()) {
            var method = new LatentRegression(TINY, LatentDistribution.NORMAL, new MethodOptions(1, true, 1e-3, 0.5, 0.99), m);
            float[] base = {0.5f, -0.5f, 0.25f, 0f, 1f};
            List<byte[]> images = Traversal.render(method, m, base, new int[] {3, 1}, new float[] {-1f, 2f});
            assertThat(images).hasSize(4);
            // Row 1, column 1: element 1 set to 2, every other element as in base.
            NDArray z = m.create(new float[] {0.5f, 2f, 0.25f, 0f, 1f}, new Shape(1, 5));
            assertThat(images.get(3)).containsExactly(ImageTensor.images(method.generate(z)).get(0));
        }
    }

    @Test
    void dlsganRanksByTheLatentScaleAndOthersByEncoderVariance() {
        try (NDManager m = NDManager.newBaseManager()) {
            Dlsgan dls = new Dlsgan(TINY, LatentDistribution.NORMAL, Methods.defaults(Method.DLSGAN), m);
            // Make v (and so s) largest for element 3, then element 0.
            NDArray history = dls.buffers().get("scale/history");
            history.set(new NDIndex(":, 3"), 9f);
            history.set(new NDIndex(":, 0"), 4f);
            Traversal.Ranking r = Traversal.rank(dls, m, 0);
            assertThat(r.rankedBy()).isEqualTo("latent scale s");
            assertThat(r.top(2)).containsExactly(3, 0);
            assertThat(r.scores()[3]).isGreaterThan(r.scores()[0]).isGreaterThan(r.scores()[1]);

            var lr = Methods.create(Method.LATENT_REGRESSION, TINY, LatentDistribution.NORMAL, Methods.defaults(Method.LATENT_REGRESSION), m);
            Traversal.Ranking v = Traversal.rank(lr, m, 0);
            assertThat(v.rankedBy()).startsWith("variance of E(G(z))");
            assertThat(v.order()).hasSize(5).doesNotHaveDuplicates();
            for (int i = 1; i < 5; i++) {
                assertThat(v.scores()[v.order()[i]]).isLessThanOrEqualTo(v.scores()[v.order()[i - 1]]);
            }
        }
    }
}
