package ganinv.cli;

import ganinv.api.OutputPaths;
import ganinv.api.Datasets;
import ganinv.api.PreparedData;
import ganinv.api.ProgressListener;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code ganinv prepare}: a data source fitted once into one file that training reads image by image. */
@Command(name = "prepare", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Fit a data source's images once to a run's shape and write them to one file that --data reads "
                + "image by image: training holds no image in memory, whatever the number of images. Decodes on "
                + "every core; unreadable images are skipped and reported.",
        footer = {"", "Example:", "  ./ganinv prepare --data ~/celeba --resolution 64 --channels 3 --out celeba-64.gdata",
                "  ./ganinv train --data celeba-64.gdata --resolution 64 --out runs/celeba"})
public final class PrepareCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "An image folder, an MNIST IDX file, a CIFAR-10 folder or 'shapes' (with --count).")
    String data;

    @Option(names = "--resolution", defaultValue = "32", description = "R of the runs that will read it. Default: ${DEFAULT-VALUE}.")
    int resolution;

    @Option(names = "--channels", defaultValue = "3", description = "1 (gray) or 3 (RGB). Default: ${DEFAULT-VALUE}.")
    int channels;

    @Option(names = "--out", required = true, description = "The file to write (replaced whole).")
    Path out;

    @Option(names = "--count", defaultValue = "-1", description = "Images to keep: N drawn at random with --seed from a"
            + " larger source (the draw train --count makes); -1: all. Required for shapes. Default: ${DEFAULT-VALUE}.")
    long count;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of that draw (shapes: of the set). Default: ${DEFAULT-VALUE}.")
    long seed;

    @Override
    public Integer call() {
        OutputPaths.refuseRunOwned(out, "--out");
        long t0 = System.nanoTime();
        PreparedData p;
        try (Shown shown = new Shown()) {
            p = Datasets.prepare(data, channels, resolution, out, count, seed, shown);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (p.skipped() > 0) {
            System.err.println("warning: skipped " + p.skipped() + " of " + (p.count() + p.skipped())
                    + " images that could not be read; first: " + p.firstSkipped());
        }
        System.out.printf(Locale.ROOT, "prepared %d images (%dx%d, %d channel%s) in %.1f s, %.0f images/s: %s, %.1f MB%n",
                p.count(), resolution, resolution, channels, channels == 1 ? "" : "s", seconds, p.count() / seconds, out,
                p.bytes() / 1e6);
        System.out.println("train with: ./ganinv train --data " + out + " --resolution " + resolution + " --channels " + channels);
        return 0;
    }

    /** A live bar on a terminal, a line per tenth otherwise. */
    private static final class Shown implements ProgressListener, AutoCloseable {
        private ProgressBar bar;
        private long lastTenth = -1;

        @Override
        public void progress(long done, long total) {
            if (System.console() != null) {
                if (bar == null) {
                    bar = new ProgressBarBuilder().setTaskName("prepare").setInitialMax(total)
                            .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).build();
                }
                bar.stepTo(done);
            } else if (total > 0 && done * 10 / total != lastTenth) {
                lastTenth = done * 10 / total;
                System.out.println("prepare " + done + "/" + total);
            }
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }
}
