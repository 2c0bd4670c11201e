package ganinv.cli;

import ganinv.UserError;
import ganinv.data.ImageCodec;
import ganinv.data.ImageFolderLoader;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The images a command was pointed at, read and fitted to a model's shape, each with its path
 * relative to the folder (the name used in every output). Unreadable files are skipped and
 * counted, as in the folder loader.
 */
record ImageInputs(List<String> names, List<byte[]> images) {
    static ImageInputs read(Path folder, int channels, int resolution, String flag, PrintStream warnings) {
        List<Path> files = ImageFolderLoader.listImages(folder);
        if (files.isEmpty()) {
            throw new UserError(flag + " " + folder + ": no PNG or JPEG images found (searched recursively)");
        }
        List<String> names = new ArrayList<>();
        List<byte[]> images = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Path f : files) {
            try {
                images.add(ImageCodec.read(f, channels, resolution));
                names.add(folder.relativize(f).toString().replace('\\', '/'));
            } catch (UserError e) {
                skipped.add(e.getMessage());
            }
        }
        if (images.isEmpty()) {
            throw new UserError(flag + " " + folder + ": none of the " + files.size() + " images could be read (first: "
                    + skipped.get(0) + ")");
        }
        if (!skipped.isEmpty()) {
            warnings.println("warning: skipped " + skipped.size() + " of " + files.size() + " images; first: " + skipped.get(0));
        }
        return new ImageInputs(names, images);
    }

    /** "dir/a.jpg" becomes "dir/a.png": outputs are always PNG. */
    static String pngName(String name) {
        int dot = name.lastIndexOf('.');
        return (dot > name.lastIndexOf('/') ? name.substring(0, dot) : name) + ".png";
    }
}
