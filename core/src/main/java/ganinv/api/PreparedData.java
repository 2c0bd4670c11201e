package ganinv.api;

import java.nio.file.Path;

/**
 * A prepared dataset's file, as {@link Datasets#prepare} wrote it.
 *
 * @param file the file; pass its path as {@code --data} (or {@link TrainingBuilder#data})
 * @param count images in it
 * @param skipped files that could not be read and were left out
 * @param firstSkipped the first of those, with its reason; null when none was
 * @param bytes the file's size
 * @param description the source, as run files describe their data
 */
public record PreparedData(Path file, long count, int skipped, String firstSkipped, long bytes, String description) {
}
