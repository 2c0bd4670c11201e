package ganinv.spark;

import ganinv.api.GanRun;
import ganinv.api.types.EncoderChoice;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.CollectionAccumulator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;

/**
 * {@code spark invert}: every PNG/JPEG under a path Spark reads, inverted by a ganinv run, written
 * as Parquet (path, latent[, psnr, ssim][, reconstruction], error). A client of the public API:
 * decoding, fitting, inversion and scores are the library's, not re-implemented here.
 *
 * <p>Deterministic: a file's row depends only on the file, the run and the settings (and, for
 * optimize/hybrid, the rows batched with it inside a partition; the listing and partitioning of
 * a path are themselves deterministic), so a retried task writes the same rows, and Spark's
 * commit protocol keeps only one attempt's output. The output path must be new, or replaced as a
 * whole with {@code overwrite}; never appended to.
 */
public final class SparkInvert {
    /**
     * @param run a ganinv run folder on the driver's filesystem
     * @param images any path Spark reads (local, hdfs://, s3a:// through the Hadoop config)
     * @param out the Parquet output path
     * @param partitions the input is spread over this many partitions (0: as Spark lists it)
     * @param encoder the encoder the executors invert with, or null for the run's default
     */
    public record Options(Path run, String images, String out, InvertSpec spec, int partitions, boolean overwrite,
                          EncoderChoice encoder) {
        /** With the run's default encoder (the fitted one when there is one). */
        public Options(Path run, String images, String out, InvertSpec spec, int partitions, boolean overwrite) {
            this(run, images, out, spec, partitions, overwrite, null);
        }
    }

    /** What the job did. */
    public record Summary(long images, long errors, double seconds, double imagesPerSecond,
                          Map<String, Double> modelLoadSeconds) {
        Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("images", images);
            m.put("errors", errors);
            m.put("seconds", seconds);
            m.put("images_per_s", imagesPerSecond);
            m.put("model_load_seconds_by_executor", modelLoadSeconds);
            return m;
        }
    }

    private SparkInvert() {
    }

    public static Summary run(SparkSession spark, Options o) throws Exception {
        return run(spark, o, java.util.function.UnaryOperator.identity());
    }

    /** As above, with the partition function wrapped (tests inject a failing first attempt here). */
    static Summary run(SparkSession spark, Options o,
                       java.util.function.UnaryOperator<org.apache.spark.api.java.function.MapPartitionsFunction<Row, Row>> wrap)
            throws Exception {
        Shipped bundle = ship(spark, o.run(), o.encoder());
        double seconds;
        try {
            CollectionAccumulator<String> loads = spark.sparkContext().collectionAccumulator("ganinv model loads");
            // Paths only: binaryFile reads no content when the column is not selected, so the
            // repartition and the sort move file names, and each task reads its files itself.
            Dataset<Row> files = images(spark, o.images()).select("path");
            if (o.partitions() > 0) {
                files = files.repartition(o.partitions(), col("path"));
            }
            ImageReader reader = new ImageReader(spark.sparkContext().hadoopConfiguration(), o.spec().maxPixels());
            Dataset<Row> result = files.sortWithinPartitions("path")
                    .mapPartitions(wrap.apply(new InvertPartition(o.spec(), bundle.name(), bundle.zip(), reader, loads)),
                            Encoders.row(InvertPartition.schema(o.spec().score(), o.spec().reconstructions())));
            result = result.union(emptyFileRows(spark, o));
            long t0 = System.nanoTime();
            result.write().mode(o.overwrite() ? SaveMode.Overwrite : SaveMode.ErrorIfExists).parquet(o.out());
            seconds = (System.nanoTime() - t0) / 1e9;
            return summary(spark, o, seconds, loads);
        } finally {
            bundle.zip().destroy();
        }
    }

    private static Summary summary(SparkSession spark, Options o, double seconds, CollectionAccumulator<String> loads) {
        Dataset<Row> written = spark.read().parquet(o.out());
        long total = written.count();
        long errors = written.filter(col("error").isNotNull()).count();
        Map<String, Double> perExecutor = new LinkedHashMap<>();
        for (String line : loads.value()) {
            String[] kv = line.split("\t");
            perExecutor.merge(kv[0], Double.parseDouble(kv[1]), Double::sum);
        }
        return new Summary(total - errors, errors, seconds, (total - errors) / seconds, perExecutor);
    }

    /**
     * Spark's file scan drops zero-length files before any task sees them, so they are found by
     * listing (on the driver, as Spark lists the path itself) and given the error row that
     * decoding them would give.
     */
    static Dataset<Row> emptyFileRows(SparkSession spark, Options o) throws java.io.IOException {
        org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(o.images());
        org.apache.hadoop.fs.FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
        List<Row> rows = new ArrayList<>();
        InvertPartition errors = new InvertPartition(o.spec(), null, null, null, null);
        java.util.ArrayDeque<org.apache.hadoop.fs.Path> folders = new java.util.ArrayDeque<>(List.of(root));
        while (!folders.isEmpty()) {
            // listStatus, not listFiles: a LocatedFileStatus reads each local file's permissions
            // through a forked shell command (28.7 s for 10,000 files here; this walk: see README).
            for (org.apache.hadoop.fs.FileStatus f : fs.listStatus(folders.pop())) {
                if (f.isDirectory()) {
                    folders.push(f.getPath());
                } else if (f.getLen() == 0 && IMAGE_NAME.matcher(f.getPath().getName()).matches()) {
                    String path = f.getPath().toString();
                    try {
                        ganinv.api.ImageFiles.decode(new byte[0], path);
                    } catch (ganinv.api.types.BadInputException e) {
                        rows.add(errors.errorRow(path, e.getMessage()));
                    }
                }
            }
        }
        return spark.createDataFrame(rows, InvertPartition.schema(o.spec().score(), o.spec().reconstructions()));
    }

    private static final java.util.regex.Pattern IMAGE_NAME = java.util.regex.Pattern.compile("(?i).*\\.(png|jpe?g)");

    /** PNG and JPEG files under {@code path}, recursively, as rows (path, modificationTime, length, content). */
    static Dataset<Row> images(SparkSession spark, String path) {
        return spark.read().format("binaryFile").option("recursiveFileLookup", "true")
                .option("pathGlobFilter", "*.{png,PNG,jpg,JPG,jpeg,JPEG}").load(path);
    }

    /**
     * The run's essentials (config + the checkpoint in use) as a zip in a broadcast variable:
     * Spark's block manager hands it to each executor once, in every cluster mode, with no shared
     * filesystem (files added with addFile/addArchive are not fetched by tasks that run under a
     * SparkSession's own artifact state, measured on Spark 4.0's local-cluster).
     */
    /**
     * The shipped run and its name: the hash of exactly what was shipped, so that an executor
     * JVM that outlives a job never serves a run retrained in place to the same step.
     */
    record Shipped(String name, Broadcast<byte[]> zip) {
    }

    static Shipped ship(SparkSession spark, Path run, EncoderChoice encoder) throws Exception {
        Path staging = Files.createTempDirectory("ganinv-ship-");
        try {
            Path bundle = staging.resolve("run");
            try (GanRun open = GanRun.open(run, null, "cpu", encoder)) {
                open.copyEssentials(bundle);           // with the fitted encoder only when it is the one asked for
            }
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(bytes); var files = Files.walk(bundle)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    java.util.zip.ZipEntry entry = new java.util.zip.ZipEntry(bundle.relativize(f).toString().replace('\\', '/'));
                    entry.setTime(0);                           // the same run gives the same bytes, hence the same name
                    out.putNextEntry(entry);
                    Files.copy(f, out);
                    out.closeEntry();
                }
            }
            byte[] zip = bytes.toByteArray();
            String name = "ganinv-run-" + java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(zip)).substring(0, 24);
            return new Shipped(name, new org.apache.spark.api.java.JavaSparkContext(spark.sparkContext()).broadcast(zip));
        } finally {
            deleteTree(staging);
        }
    }

    private static void deleteTree(Path root) {
        try (var walk = Files.walk(root)) {
            List<Path> all = new ArrayList<>(walk.toList());
            for (int i = all.size() - 1; i >= 0; i--) {
                Files.deleteIfExists(all.get(i));
            }
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            // a temporary copy; the OS cleans /tmp
        }
    }
}
