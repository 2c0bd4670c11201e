package ganinv.objective;

import ganinv.api.types.BadInputException;
import ganinv.api.types.Method;
import ganinv.api.types.LatentDistribution;
import ganinv.api.types.Architecture;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ganinv.UserError;
import ganinv.data.ImageTensor;
import ganinv.data.ShapesDataset;
import ganinv.model.NetConfig;
import ganinv.model.Network;
import ganinv.random.Rng;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every method's step must do, whatever its losses: learn in every network and leave no gradient behind. */
class MethodsTest {
    static final NetConfig TINY = new NetConfig(16, 3, 8, 8);
    static final MethodOptions OPTIONS = new MethodOptions(1, true, 1e-3, 0.5, 0.99);

    /** Shapes {@code [from, from + n)} of a 32-image set as [n, 3, 16, 16] in [-1, 1]. */
    static NDArray shapes(NDManager scope, int from, int n) {
        ShapesDataset set = new ShapesDataset(0, 32, 16, 3);
        List<byte[]> images = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            images.add(set.pixels((from + i) % 32));
        }
        return ImageTensor.batch(scope, images, 3, 16);
    }

    @ParameterizedTest
    @CsvSource({"latent-regression, G D E, loss_d loss_g_adv latent_mse, dcgan-up",
            "bigan, G E D, loss_d loss_ge latent_mse, dcgan-up",
            "gan, G D, loss_d loss_g_adv, dcgan-up",
            "dlsgan, G D, loss_d_adv l_enc latent_mse r1 loss_g_adv entropy s_min s_max, dcgan-up",
            "latent-regression, G D E, loss_d loss_g_adv latent_mse, stylegan2",
            "bigan, G E D, loss_d loss_ge latent_mse, stylegan2",
            "gan, G D, loss_d loss_g_adv, stylegan2",
            "dlsgan, G D, loss_d_adv l_enc latent_mse r1 loss_g_adv entropy s_min s_max, stylegan2"})
    void thirtyStepsLearnInEveryNetworkWithFiniteLossesAndNoGradientLeft(String spelling, String nets, String keys, String arch) {
        Method name = Method.parse(spelling);
        Engine.getInstance().setRandomSeed(7);
        NetConfig net = new NetConfig(16, 3, 8, 8, Architecture.parse(arch), 1, 16);
        try (NDManager m = NDManager.newBaseManager()) {
            MethodOptions options = name == Method.DLSGAN ? Methods.defaults(name) : OPTIONS;
            GanMethod method = Methods.create(name, net, LatentDistribution.NORMAL, options, m);
            assertThat(method.networks().keySet()).containsExactly(nets.split(" "));
            Map<String, float[]> before = snapshot(method);
            Rng rng = new Rng(3);
            for (int step = 0; step < 30; step++) {
                try (NDManager s = m.newSubManager()) {
                    Map<String, Double> losses = method.step(s, shapes(s, 4 * step, 4), rng);
                    assertThat(losses.keySet()).as(name.toString()).containsExactly(keys.split(" "));
                    assertThat(losses.values()).allSatisfy(v -> assertThat(v).isFinite());
                }
                // The engine never zeroes gradients; a method that forgets to would corrupt the next step.
                for (Network n : method.networks().values()) {
                    for (Map.Entry<String, NDArray> w : n.weights().entrySet()) {
                        try (NDArray g = w.getValue().getGradient()) {
                            assertThat(g.abs().sum().getFloat()).as(n.name() + "/" + w.getKey()).isZero();
                        }
                    }
                }
            }
            Map<String, float[]> after = snapshot(method);
            for (String n : method.networks().keySet()) {
                assertThat(after.get(n)).as(n + " must be trained").isNotEqualTo(before.get(n));
            }
        }
    }

    static Map<String, float[]> snapshot(GanMethod method) {
        Map<String, float[]> first = new LinkedHashMap<>();
        method.networks().forEach((n, net) -> first.put(n, net.weights().values().iterator().next().toFloatArray()));
        return first;
    }

    @Test
    void aPlainGanInvertsOnlyOnceAnEncoderIsAttached() {
        try (NDManager m = NDManager.newBaseManager()) {
            PlainGan gan = new PlainGan(TINY, LatentDistribution.NORMAL, OPTIONS, m);
            assertThat(gan.hasEncoder()).isFalse();
            assertThatThrownBy(() -> gan.encode(shapes(m, 0, 2))).isInstanceOf(UserError.class)
                    .hasMessageContaining("fit-encoder");
            gan.useEncoder(gan.encoderCopy(m));
            assertThat(gan.hasEncoder()).isTrue();
            assertThat(gan.encode(shapes(m, 0, 2)).getShape().getShape()).containsExactly(2, 8);
            // The fitted encoder is not part of the GAN's own checkpoint.
            assertThat(gan.networks()).doesNotContainKey("E");
        }
    }

    @Test
    void unknownMethodNamesTheChoices() {
        assertThatThrownBy(() -> Method.parse("vae")).isInstanceOf(BadInputException.class)
                .hasMessage("--method vae: choose one of latent-regression, bigan, gan, dlsgan");
    }
}
