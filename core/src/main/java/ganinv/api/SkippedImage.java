package ganinv.api;

/**
 * An image file that was skipped because it could not be read.
 *
 * @param name its path relative to the folder, '/'-separated
 * @param reason one line: why it could not be read
 */
public record SkippedImage(String name, String reason) {
}
