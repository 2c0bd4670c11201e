package ganinv.objective;

import ganinv.api.types.Updates;
import ganinv.api.types.ScaleTracker;
import ganinv.api.types.EncoderLossOn;
import com.fasterxml.jackson.databind.JsonNode;
import ganinv.data.JsonFiles;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DlsOptionsTest {
    @Test
    void theWeightIsThePapersLambdaAndSavedByThatName() throws Exception {
        DlsOptions paper = DlsOptions.PAPER;
        assertThat(paper.r1Weight()).isEqualTo(10);                         // section 4.1: λ_r1 = 10
        JsonNode saved = JsonFiles.MAPPER.valueToTree(paper);
        assertThat(saved.path("r1Weight").asDouble()).isEqualTo(10);
        assertThat(saved.has("r1")).isFalse();
        assertThat(JsonFiles.MAPPER.treeToValue(saved, DlsOptions.class)).isEqualTo(paper);
    }

    @Test
    void aRunSavedBeforeTheRenameKeepsItsStrength() throws Exception {
        // Before: "r1": γ with the term γ/2·‖∇‖², so "r1": 10 trained with 5·‖∇‖².
        DlsOptions old = JsonFiles.MAPPER.readValue("{\"r1\": 10, \"lrDecay\": 0.98, \"scaleTracker\": \"ring\","
                + " \"encoderLossOn\": \"dg\", \"dynamicScale\": true}", DlsOptions.class);
        assertThat(old.r1Weight()).isEqualTo(5);
        assertThat(old).isEqualTo(new DlsOptions(5, 0.98, ScaleTracker.RING, EncoderLossOn.DG, true, Updates.ALTERNATING));
        assertThat(old.minibatchStd()).as("a run saved before D saw the batch statistic had none").isZero();
    }

    @Test
    void theMinibatchStdGroupIsSavedAndBounded() throws Exception {
        DlsOptions withStd = new DlsOptions(10, 0.98, ScaleTracker.RING, EncoderLossOn.DG, true, Updates.SIMULTANEOUS, false, 4);
        JsonNode saved = JsonFiles.MAPPER.valueToTree(withStd);
        assertThat(saved.path("minibatchStd").asInt()).isEqualTo(4);
        assertThat(JsonFiles.MAPPER.treeToValue(saved, DlsOptions.class)).isEqualTo(withStd);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DlsOptions(10, 0.98, ScaleTracker.RING, EncoderLossOn.DG, true, Updates.SIMULTANEOUS, false, -1))
                .hasMessageStartingWith("--minibatch-std -1: ");
    }
}
