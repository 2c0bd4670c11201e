package ganinv.api;

import java.nio.file.Path;

/** JSON files as every ganinv command writes them: pretty, UTF-8, written whole or not at all. */
public final class JsonFiles {
    private JsonFiles() {
    }

    /**
     * @param file where to write; parent folders are created, and a reader never sees half a file
     * @param value maps, lists, records, strings, numbers (NaN and infinities are written as
     *              the strings "NaN", "Infinity" and "-Infinity")
     * @throws FileAccessException when the system refuses the file
     */
    public static void write(Path file, Object value) {
        Guard.require(file != null, "json file: null");
        Guard.run(() -> ganinv.data.JsonFiles.write(file, value));
    }
}
