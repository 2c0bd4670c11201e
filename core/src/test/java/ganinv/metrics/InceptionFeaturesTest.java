package ganinv.metrics;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ganinv.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The TorchScript path that loads NVIDIA's Inception, checked on a tiny module with the same
 * interface made by scripts/make-torchscript-fixture.py (Debian's python3-torch), whose
 * features for two images are the oracle.
 */
class InceptionFeaturesTest {
    @TempDir
    Path tmp;

    static Path fixture() throws Exception {
        return Path.of(InceptionFeaturesTest.class.getResource("/oracle/tiny-features.pt").toURI());
    }

    @Test
    void aTorchScriptModuleWithInceptionsInterfaceGivesTheOraclesFeatures() throws Exception {
        JsonNode oracle = new ObjectMapper().readTree(getClass().getResourceAsStream("/oracle/tiny-features.json"));
        List<byte[]> images = new ArrayList<>();
        for (JsonNode image : oracle.get("images")) {
            byte[] pixels = new byte[image.size()];
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = (byte) image.get(i).asInt();
            }
            images.add(pixels);
        }
        try (NDManager m = NDManager.newBaseManager(); InceptionFeatures f = new InceptionFeatures(fixture(), m)) {
            assertThat(f.name()).isEqualTo("tiny-features");
            float[] features = f.of(images, 3, 8);
            assertThat(f.dim()).isEqualTo(8);
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 8; j++) {
                    assertThat(features[i * 8 + j]).isCloseTo((float) oracle.get("features").get(i).get(j).asDouble(),
                            within(1e-5f));
                }
            }
        }
    }

    @Test
    void aMissingOrForeignFileIsAUserErrorNamingTheFlag() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            assertThatThrownBy(() -> new InceptionFeatures(tmp.resolve("none.pt"), m)).isInstanceOf(UserError.class)
                    .hasMessageContaining("--inception").hasMessageContaining("no such file");
            Path junk = Files.writeString(tmp.resolve("junk.pt"), "not a model");
            assertThatThrownBy(() -> new InceptionFeatures(junk, m)).isInstanceOf(UserError.class)
                    .hasMessageContaining("not a TorchScript file");
        }
    }
}
