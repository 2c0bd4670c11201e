package ganinv.api;

import java.nio.file.Path;

/**
 * What a finished training phase left.
 *
 * @param folder the run folder; open it with {@link GanRun#open(Path)}
 * @param step the step the run is at
 * @param seconds wall time of this phase
 * @param imagesPerSecond training images per second in this phase
 * @param checkpoint the newest checkpoint file
 * @param samples the last 8×8 sample grid (PNG)
 */
public record TrainingResult(Path folder, long step, double seconds, double imagesPerSecond, Path checkpoint,
                             Path samples) {
}
