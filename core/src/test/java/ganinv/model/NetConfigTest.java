package ganinv.model;

import ganinv.api.types.GeneratorOutput;
import ganinv.api.types.Architecture;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ganinv.data.JsonFiles;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The output layer of G: what old configs read as, and what each choice computes. */
class NetConfigTest {
    @Test
    void aConfigWrittenBeforeTheOutputLayerExistedReadsAsTanhAndStylegan2IsAlwaysLinear() throws Exception {
        String old = "{\"resolution\":32,\"channels\":1,\"width\":64,\"latentDim\":64,\"arch\":\"dcgan-up\",\"mappingLayers\":0,\"maxWidth\":64}";
        assertThat(JsonFiles.MAPPER.readValue(old, NetConfig.class).output()).isEqualTo(GeneratorOutput.TANH);
        NetConfig linear = NetConfig.of(Architecture.DCGAN_UP, 32, 1, null, 64, 0, 64, GeneratorOutput.LINEAR, false);
        String json = JsonFiles.MAPPER.writeValueAsString(linear);
        assertThat(json).contains("\"output\" : \"linear\"");
        assertThat(JsonFiles.MAPPER.readValue(json, NetConfig.class)).isEqualTo(linear);
        assertThat(NetConfig.of(Architecture.STYLEGAN2, 32, 1, null, 64, 2, 128, GeneratorOutput.TANH, false).output()).isEqualTo(GeneratorOutput.LINEAR);
        assertThat(JsonFiles.MAPPER.readValue(old, NetConfig.class).modulated()).as("configs before modulation had none").isFalse();
        NetConfig modulated = NetConfig.of(Architecture.DCGAN_UP, 32, 1, null, 64, 0, 64, GeneratorOutput.LINEAR, true);
        assertThat(JsonFiles.MAPPER.readValue(JsonFiles.MAPPER.writeValueAsString(modulated), NetConfig.class)).isEqualTo(modulated);
    }

    /**
     * The modulated G: [N, d] -> [N, C, R, R] like the plain one, plus a d x W style (and W biases) per
     * stage; each image depends on its own z only, and different z give different images.
     */
    @Test
    void theModulatedGeneratorScalesEveryStageByItsOwnZ() {
        try (NDManager m = NDManager.newBaseManager()) {
            NetConfig c = new NetConfig(16, 3, 8, 8, Architecture.DCGAN_UP, 0, 8, GeneratorOutput.LINEAR, true);
            Engine.getInstance().setRandomSeed(5);
            Network g = Generator.create("G", c, m);
            NetConfig plain = new NetConfig(16, 3, 8, 8, Architecture.DCGAN_UP, 0, 8, GeneratorOutput.LINEAR);
            assertThat(g.parameterCount()).isEqualTo(Generator.create("P", plain, m).parameterCount() + 2L * (8 * 8 + 8));
            NDArray z = m.randomNormal(new Shape(3, 8));
            NDArray batch = g.forward(z);
            assertThat(batch.getShape()).isEqualTo(new Shape(3, 3, 16, 16));
            NDArray alone = g.forward(z.get("1:2"));
            assertThat(batch.get("1:2").sub(alone).abs().max().getFloat()).isLessThan(1e-4f);   // float sums differ by batch size
            assertThat(batch.get("0").sub(batch.get("2")).abs().max().getFloat()).isGreaterThan(1e-3f);
        }
    }

    /** Built from the same seed, the two generators share every weight: tanh's output is tanh of linear's, which leaves (-1, 1). */
    @Test
    void theTanhGeneratorIsTanhOfTheLinearOne() {
        try (NDManager m = NDManager.newBaseManager()) {
            NetConfig tanh = new NetConfig(16, 3, 8, 8, Architecture.DCGAN_UP, 0, 8, GeneratorOutput.TANH);
            NetConfig linear = new NetConfig(16, 3, 8, 8, Architecture.DCGAN_UP, 0, 8, GeneratorOutput.LINEAR);
            Engine.getInstance().setRandomSeed(3);
            Network a = Generator.create("G", tanh, m);
            Engine.getInstance().setRandomSeed(3);
            Network b = Generator.create("G", linear, m);
            NDArray z = m.randomNormal(new Shape(4, 8)).mul(30);           // large codes: outputs well past ±1
            NDArray squashed = a.forward(z);
            NDArray raw = b.forward(z);
            assertThat(raw.abs().max().getFloat()).isGreaterThan(1f);
            assertThat(squashed.abs().max().getFloat()).isLessThanOrEqualTo(1f);
            assertThat(squashed.sub(raw.tanh()).abs().max().getFloat()).isLessThan(1e-6f);
        }
    }
}
