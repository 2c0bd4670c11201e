package example;

import ganinv.api.Edits;
import ganinv.api.GanRun;
import ganinv.api.ImageFiles;
import ganinv.api.InvertSettings;
import ganinv.api.InvertedFolder;

import java.nio.file.Path;

/** Opens a run, inverts a folder, moves one code along its most important latent element, writes a PNG. */
public final class InvertAndEdit {
    public static void main(String[] args) throws Exception {
        Path run = Path.of(args[0]), images = Path.of(args[1]), png = Path.of(args[2]);
        try (GanRun gan = GanRun.open(run)) {
            InvertedFolder inverted = gan.invertFolder(images, InvertSettings.encoder(), null);
            float[] direction = new float[gan.latentDim()];
            direction[gan.rankElements(0).top(1)[0]] = 1f;            // the most important latent element
            float[] edited = Edits.applyDirection(inverted.codes()[0], direction, 2.0);
            ImageFiles.writePng(gan.render(new float[][] {edited}).get(0), png);
            System.out.println("inverted " + inverted.names().size() + " images with " + gan.method() + " at step "
                    + gan.step() + "; " + inverted.names().get(0) + " edited into " + png);
        }
    }
}
