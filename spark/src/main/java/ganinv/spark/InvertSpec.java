package ganinv.spark;

import ganinv.api.types.InvertLoss;
import ganinv.api.types.InvertMode;
import ganinv.api.InvertSettings;

import java.io.Serializable;

/**
 * What a task needs to invert, in a form Spark can ship: the settings of {@code invert} and
 * which columns to add.
 *
 * @param batch rows inverted together inside a partition (one forward pass for the encoder)
 * @param maxPixels images whose header claims more pixels get an error row, undecoded
 */
record InvertSpec(String mode, int steps, double learningRate, String loss, double priorWeight, int restarts, int batch,
                  long seed, boolean score, boolean reconstructions, long maxPixels) implements Serializable {
    /** What {@code spark invert} allows by default: 50 megapixels, at most 200 MB decoded per task. */
    static final long DEFAULT_MAX_PIXELS = 50_000_000L;

    InvertSettings settings() {
        return InvertSettings.builder().mode(InvertMode.parse(mode)).steps(steps)
                .learningRate(learningRate).loss(InvertLoss.parse(loss)).priorWeight(priorWeight).restarts(restarts).batch(batch).seed(seed)
                .build();
    }
}
