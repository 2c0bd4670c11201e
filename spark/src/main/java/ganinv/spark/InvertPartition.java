package ganinv.spark;

import ganinv.api.types.BadInputException;
import ganinv.api.GanRun;
import ganinv.api.ImageFiles;
import ganinv.api.Quality;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.CollectionAccumulator;

import java.awt.image.BufferedImage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * One partition of paths to result rows, lazily: each image is read, decoded and fitted as
 * {@code invert} does, {@code batch} fitted images are inverted together through the public
 * API, and their rows are handed on before the next batch is read. A partition never holds more
 * than one batch of fitted images and its rows; a file that does not decode gets an error row
 * (and no failed task).
 */
final class InvertPartition implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    private final InvertSpec spec;
    private final String bundleName;
    private final Broadcast<byte[]> bundle;
    private final ImageReader reader;
    private final CollectionAccumulator<String> loads;

    InvertPartition(InvertSpec spec, String bundleName, Broadcast<byte[]> bundle, ImageReader reader,
                    CollectionAccumulator<String> loads) {
        this.spec = spec;
        this.bundleName = bundleName;
        this.bundle = bundle;
        this.reader = reader;
        this.loads = loads;
    }

    /** path, latent, then psnr and ssim with --score, reconstruction with --reconstructions, error. */
    static StructType schema(boolean score, boolean reconstructions) {
        StructType s = new StructType().add("path", DataTypes.StringType, false)
                .add("latent", DataTypes.createArrayType(DataTypes.FloatType, false), true);
        if (score) {
            s = s.add("psnr", DataTypes.DoubleType, true).add("ssim", DataTypes.DoubleType, true);
        }
        if (reconstructions) {
            s = s.add("reconstruction", DataTypes.BinaryType, true);
        }
        return s.add("error", DataTypes.StringType, true);
    }

    @Override
    public Iterator<Row> call(Iterator<Row> paths) {
        RunOnExecutor.Loaded loaded = RunOnExecutor.get(bundleName, bundle);
        if (loaded.loadedNow()) {
            loads.add(org.apache.spark.SparkEnv.get().executorId() + "\t" + loaded.seconds());
        }
        GanRun run = loaded.run();
        return new Iterator<>() {
            private final ArrayDeque<Row> ready = new ArrayDeque<>();

            @Override
            public boolean hasNext() {
                while (ready.isEmpty() && paths.hasNext()) {
                    nextBatch(run, paths, ready);
                }
                return !ready.isEmpty();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return ready.poll();
            }
        };
    }

    /** Reads up to one batch of images from {@code paths} and queues their rows (error rows at once). */
    private void nextBatch(GanRun run, Iterator<Row> paths, ArrayDeque<Row> ready) {
        List<String> names = new ArrayList<>();
        List<BufferedImage> fitted = new ArrayList<>();
        while (fitted.size() < spec.batch() && paths.hasNext()) {
            String path = paths.next().getString(0);
            try {
                fitted.add(reader.fitted(run, path));
                names.add(path);
            } catch (BadInputException e) {
                ready.add(errorRow(path, e.getMessage()));
            }
        }
        if (!fitted.isEmpty()) {
            invert(run, names, fitted, ready);
        }
    }

    private void invert(GanRun run, List<String> paths, List<BufferedImage> fitted, ArrayDeque<Row> out) {
        float[][] codes = run.invert(fitted, spec.settings());
        List<BufferedImage> drawn = spec.score() || spec.reconstructions() ? run.render(codes) : null;
        for (int i = 0; i < codes.length; i++) {
            List<Object> values = new ArrayList<>(List.of(paths.get(i), codes[i]));
            if (spec.score()) {
                values.add(Quality.psnr(fitted.get(i), drawn.get(i)));
                values.add(Quality.ssim(fitted.get(i), drawn.get(i)));
            }
            if (spec.reconstructions()) {
                values.add(ImageFiles.encodePng(drawn.get(i)));
            }
            values.add(null);
            out.add(RowFactory.create(values.toArray()));
        }
    }

    Row errorRow(String path, String message) {
        List<Object> values = new ArrayList<>();
        values.add(path);
        values.add(null);
        if (spec.score()) {
            values.add(null);
            values.add(null);
        }
        if (spec.reconstructions()) {
            values.add(null);
        }
        values.add(message);
        return RowFactory.create(values.toArray());
    }
}
