package ganinv.objective;

import ganinv.api.types.Method;
import ganinv.api.types.LatentDistribution;
import ganinv.api.types.Architecture;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ganinv.UserError;
import ganinv.model.NetConfig;
import ganinv.model.Network;
import ganinv.random.Rng;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class GeneratorEmaTest {
    private static final NetConfig NET = new NetConfig(16, 3, 8, 8, Architecture.STYLEGAN2, 1, 16);

    @Test
    void oneHalfLifeOfImagesMovesTheAverageHalfway() {
        Engine.getInstance().setRandomSeed(1);
        try (NDManager m = NDManager.newBaseManager()) {
            Network g = ganinv.model.Generator.create("G", NET, m);
            GeneratorEma ema = new GeneratorEma(g, NET, 64, m);
            String name = g.weights().keySet().iterator().next();
            float[] start = g.weights().get(name).toFloatArray();
            assertThat(ema.network().weights().get(name).toFloatArray()).containsExactly(start);
            g.weights().get(name).addi(2f);                                  // G moves by 2 ...
            ema.update(g, 64);                                               // ... and 64 images later
            float[] avg = ema.network().weights().get(name).toFloatArray();
            for (int i = 0; i < avg.length; i++) {
                assertThat(avg[i]).isCloseTo(start[i] + 1f, within(1e-5f));   // the average is halfway
            }
            ema.update(g, 32);                                               // half a half-life: keeps 1/√2 of the gap
            assertThat(ema.network().weights().get(name).toFloatArray()[0])
                    .isCloseTo(start[0] + 2f - (float) Math.sqrt(0.5), within(1e-5f));
            assertThat(ema.state()).containsKey("g_ema/" + name);
        }
    }

    /** The EMA changes what is sampled, never what is trained: G and D follow the same path with and without it. */
    @Test
    void trainingIsUnchangedAndSamplesComeFromTheAverage() {
        Map<String, float[]> plain = trainTenSteps(0);
        Map<String, float[]> withEma = trainTenSteps(50);
        for (String k : plain.keySet()) {
            if (!k.startsWith("sample")) {
                assertThat(withEma.get(k)).as(k).containsExactly(plain.get(k));
            }
        }
        assertThat(withEma.get("sample")).isNotEqualTo(plain.get("sample"));
        assertThat(withEma.get("sampler")).isEqualTo(new float[] {1});
    }

    private static Map<String, float[]> trainTenSteps(double ema) {
        Engine.getInstance().setRandomSeed(3);
        try (NDManager m = NDManager.newBaseManager()) {
            GanMethod method = Methods.create(Method.DLSGAN, NET, LatentDistribution.NORMAL, Methods.defaults(Method.DLSGAN).withGEma(ema), m);
            Rng rng = new Rng(3);
            for (int step = 0; step < 10; step++) {
                try (NDManager s = m.newSubManager()) {
                    method.step(s, MethodsTest.shapes(s, 4 * step, 4), rng);
                }
            }
            Map<String, float[]> out = new java.util.LinkedHashMap<>();
            method.networks().forEach((n, net) -> net.weights().forEach((w, a) -> out.put(n + "/" + w, a.toFloatArray())));
            try (NDManager s = m.newSubManager()) {
                NDArray z = s.randomNormal(new ai.djl.ndarray.types.Shape(2, 8));
                out.put("sample", method.generate(z).toFloatArray());
            }
            out.put("sampler", new float[] {method.sampler().name().equals(GeneratorEma.NAME) ? 1 : 0});
            return out;
        }
    }

    @Test
    void evaluateCanChooseEitherGenerator() {
        try (NDManager m = NDManager.newBaseManager()) {
            GanMethod withEma = Methods.create(Method.DLSGAN, NET, LatentDistribution.NORMAL, Methods.defaults(Method.DLSGAN).withGEma(10), m);
            assertThat(withEma.sampler().name()).isEqualTo("G_ema");
            withEma.sampleFrom(ganinv.api.types.Generator.G);
            assertThat(withEma.sampler()).isSameAs(withEma.networks().get("G"));
            withEma.sampleFrom(ganinv.api.types.Generator.G_EMA);
            assertThat(withEma.sampler().name()).isEqualTo("G_ema");
            GanMethod plain = Methods.create(Method.DLSGAN, NET, LatentDistribution.NORMAL, Methods.defaults(Method.DLSGAN), m);
            assertThatThrownBy(() -> plain.sampleFrom(ganinv.api.types.Generator.G_EMA)).isInstanceOf(UserError.class).hasMessageContaining("--g-ema");
            assertThatThrownBy(() -> ganinv.api.types.Generator.parse("D")).hasMessage("--generator D: choose one of G, G_ema");
        }
    }

    @Test
    void aNegativeHalfLifeIsAUserError() {
        assertThatThrownBy(() -> Methods.defaults(Method.DLSGAN).withGEma(-1)).isInstanceOf(UserError.class)
                .hasMessageStartingWith("--g-ema -1");
    }
}
