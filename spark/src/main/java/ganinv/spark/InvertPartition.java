package ganinv.spark;

import ganinv.api.BadInputException;
import ganinv.api.GanRun;
import ganinv.api.ImageFiles;
import ganinv.api.Quality;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.CollectionAccumulator;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * One partition of binaryFile rows (path, content) to result rows: decoded and fitted as
 * {@code invert} does, inverted {@code batch} images at a time through the public API, with an
 * error row (and no failed task) for a file that does not decode.
 */
final class InvertPartition implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    private final InvertSpec spec;
    private final org.apache.spark.broadcast.Broadcast<byte[]> bundle;
    private final CollectionAccumulator<String> loads;

    InvertPartition(InvertSpec spec, org.apache.spark.broadcast.Broadcast<byte[]> bundle, CollectionAccumulator<String> loads) {
        this.spec = spec;
        this.bundle = bundle;
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
    public Iterator<Row> call(Iterator<Row> rows) {
        RunOnExecutor.Loaded loaded = RunOnExecutor.get(spec.bundle(), bundle);
        if (loaded.loadedNow()) {
            loads.add(org.apache.spark.SparkEnv.get().executorId() + "\t" + loaded.seconds());
        }
        GanRun run = loaded.run();
        List<Row> out = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        List<BufferedImage> images = new ArrayList<>();
        while (rows.hasNext()) {
            Row row = rows.next();
            String path = row.getString(0);
            try {
                images.add(ImageFiles.decode(row.getAs(1), path));
                paths.add(path);
            } catch (BadInputException e) {
                out.add(errorRow(path, e.getMessage()));
            }
            if (images.size() == spec.batch() || !rows.hasNext() && !images.isEmpty()) {
                invert(run, paths, images, out);
                paths.clear();
                images.clear();
            }
        }
        return out.iterator();
    }

    private void invert(GanRun run, List<String> paths, List<BufferedImage> images, List<Row> out) {
        float[][] codes = run.invert(images, spec.settings());
        List<BufferedImage> drawn = spec.score() || spec.reconstructions() ? run.render(codes) : null;
        for (int i = 0; i < codes.length; i++) {
            List<Object> values = new ArrayList<>(List.of(paths.get(i), codes[i]));
            if (spec.score()) {
                BufferedImage seen = run.fit(images.get(i));
                values.add(Quality.psnr(seen, drawn.get(i)));
                values.add(Quality.ssim(seen, drawn.get(i)));
            }
            if (spec.reconstructions()) {
                values.add(png(drawn.get(i)));
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

    private static byte[] png(BufferedImage image) {
        return ImageFiles.encodePng(image);
    }
}
