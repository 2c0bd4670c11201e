package ganinv.model;

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
        assertThat(JsonFiles.MAPPER.readValue(old, NetConfig.class).output()).isEqualTo(OutputLayer.TANH);
        NetConfig linear = NetConfig.of("dcgan-up", 32, 1, null, 64, 0, 64, "linear", false);
        String json = JsonFiles.MAPPER.writeValueAsString(linear);
        assertThat(json).contains("\"output\" : \"linear\"");
        assertThat(JsonFiles.MAPPER.readValue(json, NetConfig.class)).isEqualTo(linear);
        assertThat(NetConfig.of("stylegan2", 32, 1, null, 64, 2, 128, "tanh", false).output()).isEqualTo(OutputLayer.LINEAR);
    }

    /** Built from the same seed, the two generators share every weight: tanh's output is tanh of linear's, which leaves (-1, 1). */
    @Test
    void theTanhGeneratorIsTanhOfTheLinearOne() {
        try (NDManager m = NDManager.newBaseManager()) {
            NetConfig tanh = new NetConfig(16, 3, 8, 8, Arch.DCGAN_UP, 0, 8, OutputLayer.TANH);
            NetConfig linear = new NetConfig(16, 3, 8, 8, Arch.DCGAN_UP, 0, 8, OutputLayer.LINEAR);
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
