package ganinv.cli;

import ganinv.UserError;
import ganinv.data.ImageFolderLoader;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The images a command was pointed at, read and fitted to a model's shape, each with its path
 * relative to the folder (the name used in every output). Unreadable files are skipped and
 * counted, as in the folder loader.
 */
record ImageInputs(List<String> names, List<byte[]> images) {
    static ImageInputs read(Path folder, int channels, int resolution, String flag, PrintStream warnings) {
        return read(folder, channels, resolution, ganinv.data.ImageCodec.DEFAULT_MAX_PIXELS, flag, warnings);
    }

    /** @param maxPixels images whose header claims more are skipped and reported with the rest */
    static ImageInputs read(Path folder, int channels, int resolution, long maxPixels, String flag, PrintStream warnings) {
        try {
            ImageFolderLoader.Decoded decoded = ImageFolderLoader.decodeAll(folder, channels, resolution, maxPixels, warnings);
            List<String> names = decoded.files().stream()
                    .map(f -> folder.relativize(f).toString().replace('\\', '/')).toList();
            return new ImageInputs(names, decoded.images());
        } catch (UserError e) {
            throw new UserError(flag + " " + e.getMessage(), e);
        }
    }

    /** "dir/a.jpg" becomes "dir/a.png": outputs are always PNG. */
    static String pngName(String name) {
        int dot = name.lastIndexOf('.');
        return (dot > name.lastIndexOf('/') ? name.substring(0, dot) : name) + ".png";
    }
}
