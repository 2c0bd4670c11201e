package ganinv.spark;

import ganinv.api.types.BadInputException;
import ganinv.api.Evaluation;
import ganinv.api.FeatureMoments;
import ganinv.api.GanRun;
import ganinv.api.types.EncoderChoice;
import ganinv.api.KernelSums;
import ganinv.api.PartialEvaluation;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.awt.image.BufferedImage;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * {@code spark evaluate}: {@code evaluate}'s JSON for every image under a Spark path. Both sides
 * run on executors: real images are read by path, fitted at once and measured
 * {@value #BATCH} at a time; the N generated images are cut into index ranges, each drawn from
 * the same seed as {@code evaluate} draws them. The driver merges feature moments (FID), sums of
 * each block's rows against the broadcast features of the whole set (KID over the full sets, as
 * {@code evaluate} computes it; no cartesian product of blocks), reconstruction scores and codes
 * (sorted by path for the probes). Every count is part of a block's result, so a recomputed or
 * retried task cannot count twice. Equals {@code evaluate --count N} on the same folder and seed
 * up to the order of the sums.
 */
public final class SparkEvaluate {
    static final int BATCH = 64;

    private SparkEvaluate() {
    }

    /** One partition's measured images, in its own order. */
    record Block(List<String> paths, float[][] features, float[][] codes, double psnrSum, double ssimSum, int[] classes,
                 int[] rebuiltClasses, long unreadable) implements Serializable {
    }

    /** One range of the generated images: its features and its sums ({@link PartialEvaluation.GeneratedPart}). */
    record GeneratedBlock(float[][] features, double encoderLossSum, double latentMseSum, double psnrSum, double ssimSum,
                          long[] classCounts) implements Serializable {
    }

    /** The generated blocks' sums, merged. */
    record GeneratedSums(FeatureMoments moments, double encoderLossSum, double latentMseSum, double psnrSum, double ssimSum,
                         long[] classCounts) implements Serializable {
    }

    /** The real side's partition function, as a test can wrap it. */
    interface RealFunction extends Function2<Integer, Iterator<Row>, Iterator<Block>> {
    }

    /**
     * What to measure.
     *
     * @param run the run folder on the driver, shipped to the executors
     * @param images any path Spark reads
     * @param seed seed of the generated latents
     * @param partitions measure the images in this many blocks (0: as Spark lists them)
     * @param classifier a {@code train-classifier} file on the driver, shipped to the executors; or null
     * @param maxPixels images whose header claims more pixels are skipped unread
     * @param encoder the encoder measured, or null for the run's default (the fitted one when there is one)
     */
    public record Request(Path run, String images, long seed, int partitions, Path classifier, long maxPixels,
                          EncoderChoice encoder) {
    }

    public static Evaluation run(SparkSession spark, Path run, String images, long seed, int partitions) throws Exception {
        return run(spark, run, images, seed, partitions, null);
    }

    /** @param classifier a {@code train-classifier} file on the driver, shipped to the executors; or null */
    public static Evaluation run(SparkSession spark, Path run, String images, long seed, int partitions, Path classifier)
            throws Exception {
        return run(spark, new Request(run, images, seed, partitions, classifier, InvertSpec.DEFAULT_MAX_PIXELS, null));
    }

    public static Evaluation run(SparkSession spark, Request request) throws Exception {
        return run(spark, request, true, UnaryOperator.identity());
    }

    /**
     * @param cache false makes every action recompute the blocks (tests: counts stay exact)
     * @param wrap wraps the real side's partition function (tests inject a failing first attempt)
     */
    static Evaluation run(SparkSession spark, Request request, boolean cache,
                          UnaryOperator<Function2<Integer, Iterator<Row>, Iterator<Block>>> wrap) throws Exception {
        Path run = request.run();
        String images = request.images();
        long seed = request.seed();
        int partitions = request.partitions();
        Path classifier = request.classifier();
        long maxPixels = request.maxPixels();
        JavaSparkContext jsc = new JavaSparkContext(spark.sparkContext());
        SparkInvert.Shipped bundle = SparkInvert.ship(spark, run, request.encoder());
        // The classifier is small (~1.6 MB): its bytes travel as a broadcast and each executor JVM writes them once.
        Broadcast<byte[]> classifierBytes = classifier == null ? null : jsc.broadcast(readClassifier(classifier));
        ImageReader reader = new ImageReader(spark.sparkContext().hadoopConfiguration(), maxPixels);
        JavaRDD<Row> files = SparkInvert.images(spark, images).select("path").javaRDD();
        if (partitions > 0) {
            files = files.coalesce(partitions);
        }
        String name = bundle.name();
        Broadcast<byte[]> zip = bundle.zip();
        Function2<Integer, Iterator<Row>, Iterator<Block>> measure = (index, rows) ->
                List.of(measure(RunOnExecutor.get(name, zip).run(), rows, reader, classifierBytes)).iterator();
        JavaRDD<Block> blocks = files.mapPartitionsWithIndex(wrap.apply(measure), true);
        List<Broadcast<?>> broadcasts = new ArrayList<>(List.of(zip));
        if (classifierBytes != null) {
            broadcasts.add(classifierBytes);
        }
        if (cache) {
            blocks = blocks.cache();
        }
        try (GanRun driver = GanRun.open(run, null, "cpu", request.encoder())) {
            long n = blocks.map(b -> (long) b.paths().size()).fold(0L, Long::sum);
            if (n < 10) {
                throw new BadInputException(images + ": " + n + " readable images; evaluate needs at least 10", null);
            }
            JavaRDD<GeneratedBlock> generated = generated(jsc, name, zip, classifierBytes, (int) n, seed,
                    Math.max(partitions, jsc.defaultParallelism()));
            if (cache) {
                generated = generated.cache();
            }
            Kernels k = kernels(jsc, blocks, generated, broadcasts);
            int dim = k.fakeDim;
            GeneratedSums sums = generated.map(b -> sums(b, dim)).reduce(SparkEvaluate::merge);
            PartialEvaluation.GeneratedTotals g = new PartialEvaluation.GeneratedTotals(n, sums.moments(), k.fakeOffDiagonal,
                    sums.encoderLossSum(), sums.latentMseSum(), sums.psnrSum(), sums.ssimSum(), sums.classCounts());
            List<Block> local = blocks.map(b -> new Block(b.paths(), new float[0][], b.codes(), b.psnrSum(), b.ssimSum(),
                    b.classes(), b.rebuiltClasses(), b.unreadable())).collect();
            PartialEvaluation.RealTotals real = RealBlocks.totals(local, n, k.realMoments, k.realOffDiagonal, k.cross,
                    qualified(spark, images));
            return PartialEvaluation.finish(driver, g, real, classifier);
        } finally {
            blocks.unpersist(false);
            broadcasts.forEach(b -> b.destroy());
        }
    }

    /** A partition's images, streamed: read, fitted, and measured {@value #BATCH} at a time. */
    private static Block measure(GanRun run, Iterator<Row> rows, ImageReader reader, Broadcast<byte[]> classifierBytes) {
        Path classifier = classifierBytes == null ? null : ClassifierOnExecutor.file(classifierBytes.value());
        RealBlocks.Builder out = new RealBlocks.Builder();
        List<BufferedImage> batch = new ArrayList<>(BATCH);
        List<String> paths = new ArrayList<>(BATCH);
        while (rows.hasNext()) {
            String path = rows.next().getString(0);
            try {
                batch.add(reader.fitted(run, path));
                paths.add(path);
            } catch (BadInputException e) {
                out.unreadable++;
            }
            if (batch.size() == BATCH || !rows.hasNext() && !batch.isEmpty()) {
                out.add(paths, PartialEvaluation.real(run, batch, classifier));
                batch.clear();
                paths.clear();
            }
        }
        return out.build();
    }

    /** N generated images in index ranges, each measured where it lands. */
    private static JavaRDD<GeneratedBlock> generated(JavaSparkContext jsc, String name, Broadcast<byte[]> zip,
                                                     Broadcast<byte[]> classifierBytes, int n, long seed, int slices) {
        List<int[]> ranges = new ArrayList<>();
        int parts = Math.max(1, Math.min(slices, n));
        for (int i = 0; i < parts; i++) {
            ranges.add(new int[] {(int) ((long) n * i / parts), (int) ((long) n * (i + 1) / parts)});
        }
        return jsc.parallelize(ranges, parts).map(r -> {
            Path classifier = classifierBytes == null ? null : ClassifierOnExecutor.file(classifierBytes.value());
            PartialEvaluation.GeneratedPart p = PartialEvaluation.generatedPart(RunOnExecutor.get(name, zip).run(), n, seed,
                    r[0], r[1], classifier);
            return new GeneratedBlock(p.features(), p.encoderLossSum(), p.latentMseSum(), p.psnrSum(), p.ssimSum(),
                    p.classCounts());
        });
    }

    /** FID's moments and KID's kernel sums: each block's rows against the broadcast features of a whole set. */
    private record Kernels(FeatureMoments realMoments, double realOffDiagonal, double fakeOffDiagonal, double cross,
                           int fakeDim) {
    }

    private static Kernels kernels(JavaSparkContext jsc, JavaRDD<Block> blocks, JavaRDD<GeneratedBlock> generated,
                                   List<Broadcast<?>> broadcasts) {
        List<float[]> realRows = new ArrayList<>();
        blocks.map(Block::features).collect().forEach(f -> realRows.addAll(List.of(f)));
        List<float[]> fakeRows = new ArrayList<>();
        generated.map(GeneratedBlock::features).collect().forEach(f -> fakeRows.addAll(List.of(f)));
        Broadcast<float[][]> real = jsc.broadcast(realRows.toArray(float[][]::new));
        Broadcast<float[][]> fake = jsc.broadcast(fakeRows.toArray(float[][]::new));
        broadcasts.add(real);
        broadcasts.add(fake);
        int dim = fakeRows.get(0).length;
        FeatureMoments moments = blocks.map(b -> FeatureMoments.of(b.features(), dim)).reduce(FeatureMoments::merge);
        double realOff = blocks.map(b -> KernelSums.cross(b.features(), real.value()) - KernelSums.diagonal(b.features()))
                .fold(0.0, Double::sum);
        double fakeOff = generated.map(b -> KernelSums.cross(b.features(), fake.value()) - KernelSums.diagonal(b.features()))
                .fold(0.0, Double::sum);
        double cross = blocks.map(b -> KernelSums.cross(b.features(), fake.value())).fold(0.0, Double::sum);
        return new Kernels(moments, realOff, fakeOff, cross, dim);
    }

    private static GeneratedSums sums(GeneratedBlock b, int dim) {
        return new GeneratedSums(FeatureMoments.of(b.features(), dim), b.encoderLossSum(), b.latentMseSum(), b.psnrSum(),
                b.ssimSum(), b.classCounts());
    }

    private static GeneratedSums merge(GeneratedSums a, GeneratedSums b) {
        long[] counts = a.classCounts().clone();
        for (int i = 0; i < counts.length; i++) {
            counts[i] += b.classCounts()[i];
        }
        return new GeneratedSums(a.moments().merge(b.moments()), a.encoderLossSum() + b.encoderLossSum(),
                a.latentMseSum() + b.latentMseSum(), a.psnrSum() + b.psnrSum(), a.ssimSum() + b.ssimSum(), counts);
    }

    private static byte[] readClassifier(Path file) {
        try {
            return java.nio.file.Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new BadInputException("--classifier " + file + ": cannot read it (" + e.getMessage() + ")", e);
        }
    }

    private static String qualified(SparkSession spark, String path) throws java.io.IOException {
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
        return p.getFileSystem(spark.sparkContext().hadoopConfiguration()).makeQualified(p).toString();
    }
}
