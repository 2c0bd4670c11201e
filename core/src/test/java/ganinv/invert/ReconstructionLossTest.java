package ganinv.invert;

import ganinv.api.types.Method;
import ganinv.api.types.InvertLoss;
import ganinv.api.types.LatentDistribution;
import ganinv.api.types.Architecture;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;
import ganinv.model.Discriminator;
import ganinv.model.NetConfig;
import ganinv.model.Network;
import ganinv.model.NoGrad;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** l2+features on both families: features are D's own trunk stages, not weights picked by position. */
class ReconstructionLossTest {
    private static float loss(Network d, NDArray target, NDArray generated) {
        ReconstructionLoss loss = new ReconstructionLoss(InvertLoss.L2_FEATURES, d);
        loss.target(target);
        return loss.of(generated, target).mean().getFloat();
    }

    @Test
    void dcganUpFeaturesAreTheTrunksConvLeakyPoolStages() {
        NetConfig c = new NetConfig(16, 3, 8, 4);
        try (NDManager m = NDManager.newBaseManager(); NoGrad noGrad = new NoGrad()) {
            Network d = Discriminator.create("D", c, 5, m);
            NDArray x = m.randomUniform(-1, 1, new Shape(2, 3, 16, 16));
            // by hand: conv, leaky; then per stage conv, leaky, avg-pool (the weights in layer order)
            List<NDArray> w = new ArrayList<>(d.weights().values());
            Shape one = new Shape(1, 1);
            NDArray h = Activation.leakyRelu(Conv2d.conv2d(x, w.get(0), w.get(1), one, one).singletonOrThrow(), 0.2f);
            List<NDArray> stages = d.stageActivations(x);
            assertThat(stages).hasSize(c.stages());
            for (int i = 1; i <= c.stages(); i++) {
                h = Activation.leakyRelu(Conv2d.conv2d(h, w.get(2 * i), w.get(2 * i + 1), one, one).singletonOrThrow(), 0.2f);
                h = Pool.avgPool2d(h, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false, true);
                float[] mine = stages.get(i - 1).toFloatArray();
                float[] byHand = h.toFloatArray();
                assertThat(stages.get(i - 1).getShape()).isEqualTo(h.getShape());
                for (int k = 0; k < byHand.length; k++) {
                    assertThat(mine[k]).isCloseTo(byHand[k], within(1e-5f));
                }
            }
            assertThat(loss(d, x, x)).isZero();
            assertThat(loss(d, x, x.add(0.1f))).isGreaterThan(0.01f);
        }
    }

    @Test
    void stylegan2FeaturesAreItsResidualStagesWithGains() {
        for (int r : new int[] {16, 32}) {
            NetConfig c = new NetConfig(r, 3, 16, 8, Architecture.STYLEGAN2, 2, 32);
            try (NDManager m = NDManager.newBaseManager(); NoGrad noGrad = new NoGrad()) {
                Network d = Discriminator.create("D", c, 9, m);
                NDArray x = m.randomUniform(-1, 1, new Shape(2, 3, r, r));
                List<NDArray> stages = d.stageActivations(x);                   // crashed at 32 px when picked by position
                int stagesWanted = Integer.numberOfTrailingZeros(r / 4);
                assertThat(stages).hasSize(stagesWanted);
                for (int i = 0; i < stagesWanted; i++) {
                    int side = r >> (i + 1);
                    assertThat(stages.get(i).getShape()).isEqualTo(new Shape(2, c.widthAt(side), side, side));
                }
                NDArray shifted = x.add(0.1f);
                float l2 = 0.01f;                                               // the pixel term of a +0.1 shift
                float total = loss(d, x, shifted);
                assertThat(loss(d, x, x)).isZero();
                assertThat(total).isGreaterThan(l2).isFinite();
                // The features come from the trunk: the head does not change them, the first block does.
                assertThat(d.weights().keySet()).anyMatch(k -> k.contains("head")).anyMatch(k -> k.contains("b" + r));
                d.weights().entrySet().stream().filter(e -> e.getKey().contains("head")).forEach(e -> e.getValue().muli(3));
                assertThat(loss(d, x, shifted)).isEqualTo(total);
                d.weights().entrySet().stream().filter(e -> e.getKey().contains("b" + r)).forEach(e -> e.getValue().muli(3));
                assertThat(loss(d, x, shifted)).isNotEqualTo(total);
            }
        }
    }

    @Test
    void aHybridInversionWithFeaturesRunsOnAStylegan2RunAt32Pixels() {
        NetConfig c = new NetConfig(32, 3, 16, 8, Architecture.STYLEGAN2, 2, 32);
        try (NDManager m = NDManager.newBaseManager()) {
            ganinv.objective.GanMethod method = ganinv.objective.Methods.create(Method.DLSGAN, c, LatentDistribution.NORMAL,
                    ganinv.objective.Methods.defaults(Method.DLSGAN), m);
            List<byte[]> images = List.of(new ganinv.data.ShapesDataset(0, 2, 32, 3).pixels(0));
            Inversion out = new OptimizationInverter(method, m, new OptimizeSettings(3, 0.05, InvertLoss.L2_FEATURES, 0, 1, 1, 1), true)
                    .invert(images);
            assertThat(out.codes()).hasSize(8);
            for (float v : out.codes()) {
                assertThat(v).isFinite();
            }
        }
    }
}
