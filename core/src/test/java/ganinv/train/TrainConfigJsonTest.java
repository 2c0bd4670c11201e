package ganinv.train;

import com.fasterxml.jackson.databind.JsonNode;
import ganinv.api.types.EncoderLossOn;
import ganinv.api.types.GeneratorOutput;
import ganinv.api.types.LatentDistribution;
import ganinv.api.types.Method;
import ganinv.api.types.ScaleTracker;
import ganinv.api.types.Updates;
import ganinv.data.JsonFiles;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** config.json as runs wrote it while the settings were strings inside: read into the enums and written back byte for byte. */
class TrainConfigJsonTest {
    /** The config object of a run trained before the settings became enums (ganinv b6f6bbf, `train --steps 6 ...`). */
    private static final String WRITTEN_BEFORE = "{\"method\":\"dlsgan\",\"data\":\"shapes\",\"count\":-1,\"subset\":\"RANDOM\","
            + "\"steps\":6,\"batch\":4,\"net\":{\"resolution\":16,\"channels\":3,\"width\":8,\"latentDim\":8,\"arch\":\"dcgan-up\","
            + "\"mappingLayers\":0,\"maxWidth\":8,\"output\":\"linear\",\"modulated\":true},\"latentDist\":\"normal\","
            + "\"options\":{\"lambda\":1.0,\"regressGenerator\":true,\"learningRate\":0.001,\"beta1\":0.0,\"beta2\":0.99,"
            + "\"dls\":{\"r1Weight\":10.0,\"lrDecay\":0.98,\"scaleTracker\":\"ring\",\"encoderLossOn\":\"dg\",\"dynamicScale\":true,"
            + "\"updates\":\"simultaneous\",\"augment\":false,\"minibatchStd\":4},\"gEma\":0.0},\"seed\":3,\"logEvery\":1,"
            + "\"sampleEvery\":3,\"checkpointEvery\":3}";

    @Test
    void aConfigWrittenWithStringSettingsReadsIntoTheEnumsAndWritesTheSameBytes() throws Exception {
        TrainConfig c = JsonFiles.MAPPER.readValue(WRITTEN_BEFORE, TrainConfig.class);
        assertThat(c.method()).isEqualTo(Method.DLSGAN);
        assertThat(c.latentDist()).isEqualTo(LatentDistribution.NORMAL);
        assertThat(c.net().output()).isEqualTo(GeneratorOutput.LINEAR);
        assertThat(c.options().dls().scaleTracker()).isEqualTo(ScaleTracker.RING);
        assertThat(c.options().dls().encoderLossOn()).isEqualTo(EncoderLossOn.DG);
        assertThat(c.options().dls().updates()).isEqualTo(Updates.SIMULTANEOUS);
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(c)).isEqualTo(WRITTEN_BEFORE);   // as checkpoints write it
    }

    @Test
    void olderSpellingsStillRead() throws Exception {
        // Runs made before the prior's spelling was checked exactly kept it as typed; runs before `updates` alternated.
        JsonNode old = JsonFiles.MAPPER.readTree(WRITTEN_BEFORE.replace("\"normal\"", "\"Uniform\"")
                .replace(",\"updates\":\"simultaneous\"", ""));
        TrainConfig c = JsonFiles.MAPPER.treeToValue(old, TrainConfig.class);
        assertThat(c.latentDist()).isEqualTo(LatentDistribution.UNIFORM);
        assertThat(c.options().dls().updates()).isEqualTo(Updates.ALTERNATING);
    }
}
