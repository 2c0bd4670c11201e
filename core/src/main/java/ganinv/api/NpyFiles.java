package ganinv.api;

import ganinv.api.types.BadInputException;
import ganinv.data.Npy;

import java.nio.file.Path;

/** Codes and directions as NumPy {@code .npy} files (float32, 2-D), as {@code invert} and {@code direction} write them. */
public final class NpyFiles {
    private NpyFiles() {
    }

    /**
     * @param file a float32 .npy file of shape [N, d] (or [d], read as one row)
     * @return its rows, [N][d]
     * @throws BadInputException naming the file when it is not such a file
     */
    public static float[][] read(Path file) {
        return Guard.call(() -> {
            Npy.Matrix m = Npy.read(file);
            return Codes.rows(m.data(), m.cols());
        });
    }

    /**
     * @param file the file to write (parent folders are created)
     * @param rows [N][d], every row of one length
     */
    public static void write(Path file, float[][] rows) {
        Guard.require(rows != null && rows.length > 0, "rows: none given");
        int d = rows[0].length;
        float[] flat = Codes.flatten(rows, d, "rows");
        Guard.run(() -> Npy.write(file, new Npy.Matrix(rows.length, d, flat)));
    }
}
