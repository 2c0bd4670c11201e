package ganinv.spark;

import ganinv.api.BadInputException;
import ganinv.api.Evaluation;
import ganinv.api.FeatureMoments;
import ganinv.api.GanRun;
import ganinv.api.ImageFiles;
import ganinv.api.KernelSums;
import ganinv.api.PartialEvaluation;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import scala.Tuple2;

import java.awt.image.BufferedImage;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * {@code spark evaluate}: {@code evaluate}'s JSON for every image under a Spark path, the real
 * side measured by executors and reduced with Spark: feature moments merged pairwise (FID), kernel
 * sums over pairs of partition blocks and against the broadcast generated features (KID, over
 * the full sets as {@code evaluate} computes it), reconstruction scores summed, codes collected in
 * path order for the probes. The generated side (N images from the seed) is measured on the driver.
 * Equals {@code evaluate --count N} on the same folder and seed up to the order of the sums.
 */
public final class SparkEvaluate {
    private SparkEvaluate() {
    }

    /** One partition's measured images, in path order. */
    record Block(int index, List<String> paths, float[][] features, float[][] codes, double psnrSum, double ssimSum,
                 int[] classes, int[] rebuiltClasses) implements Serializable {
    }

    public static Evaluation run(SparkSession spark, Path run, String images, long seed, int partitions) throws Exception {
        return run(spark, run, images, seed, partitions, null);
    }

    /** @param classifier a {@code train-classifier} file on the driver, shipped to the executors; or null */
    public static Evaluation run(SparkSession spark, Path run, String images, long seed, int partitions, Path classifier)
            throws Exception {
        String bundle = SparkInvert.bundleName(run);
        Broadcast<byte[]> zip = SparkInvert.ship(spark, run);
        // The classifier is small (~1.6 MB): its bytes travel as a broadcast and each executor JVM writes them once.
        Broadcast<byte[]> classifierBytes = classifier == null ? null : new org.apache.spark.api.java.JavaSparkContext(
                spark.sparkContext()).broadcast(readClassifier(classifier));
        LongAccumulator unreadable = spark.sparkContext().longAccumulator("ganinv unreadable images");
        JavaRDD<org.apache.spark.sql.Row> files = SparkInvert.images(spark, images).select("path", "content")
                .sort("path").javaRDD();
        if (partitions > 0) {
            files = files.coalesce(partitions);
        }
        JavaRDD<Block> blocks = files.mapPartitionsWithIndex((index, rows) -> {
            List<String> paths = new ArrayList<>();
            List<BufferedImage> decoded = new ArrayList<>();
            while (rows.hasNext()) {
                org.apache.spark.sql.Row row = rows.next();
                try {
                    decoded.add(ImageFiles.decode(row.getAs(1), row.getString(0)));
                    paths.add(row.getString(0));
                } catch (BadInputException e) {
                    unreadable.add(1);
                }
            }
            if (decoded.isEmpty()) {
                return List.<Block>of().iterator();
            }
            Path local = classifierBytes == null ? null : ClassifierOnExecutor.file(classifierBytes.value());
            PartialEvaluation.Real r = PartialEvaluation.real(RunOnExecutor.get(bundle, zip).run(), decoded, local);
            double psnr = 0;
            double ssim = 0;
            for (int i = 0; i < paths.size(); i++) {
                psnr += r.psnr().length > 0 ? r.psnr()[i] : 0;
                ssim += r.ssim().length > 0 ? r.ssim()[i] : 0;
            }
            return List.of(new Block(index, paths, r.features(), r.codes(), psnr, ssim, r.classes(),
                    r.reconstructedClasses())).iterator();
        }, true).cache();
        try (GanRun driver = GanRun.open(run)) {
            long n = blocks.map(b -> (long) b.paths().size()).fold(0L, Long::sum);
            if (n < 10) {
                throw new BadInputException(images + ": " + n + " readable images; evaluate needs at least 10", null);
            }
            PartialEvaluation.Generated generated = PartialEvaluation.generated(driver, (int) n, seed, classifier);
            Broadcast<float[][]> fake = new org.apache.spark.api.java.JavaSparkContext(spark.sparkContext())
                    .broadcast(generated.features());
            int dim = generated.features()[0].length;
            FeatureMoments moments = blocks.map(b -> FeatureMoments.of(b.features(), dim)).reduce(FeatureMoments::merge);
            double cross = blocks.map(b -> KernelSums.cross(b.features(), fake.value())).fold(0.0, Double::sum);
            double offDiagonal = blocks.cartesian(blocks).filter(p -> p._1().index() <= p._2().index())
                    .map(SparkEvaluate::pairSum).fold(0.0, Double::sum);
            List<Block> local = new ArrayList<>(blocks.map(b -> new Block(b.index(), b.paths(), new float[0][], b.codes(),
                    b.psnrSum(), b.ssimSum(), b.classes(), b.rebuiltClasses())).collect());
            local.sort(Comparator.comparingInt(Block::index));
            return PartialEvaluation.finish(driver, generated, totals(local, n, moments,
                    offDiagonal, cross, qualified(spark, images), unreadable.value()), classifier);
        } finally {
            blocks.unpersist(false);
        }
    }

    /** A pair of blocks' share of Σ_{i≠j} k: a block with itself once, two blocks both ways. */
    private static double pairSum(Tuple2<Block, Block> p) {
        return p._1().index() == p._2().index() ? KernelSums.offDiagonal(p._1().features())
                : 2 * KernelSums.cross(p._1().features(), p._2().features());
    }

    private static PartialEvaluation.RealTotals totals(List<Block> blocks, long n, FeatureMoments moments, double offDiagonal,
                                                       double cross, String root, long unreadable) {
        List<String> paths = new ArrayList<>();
        List<float[]> codes = new ArrayList<>();
        java.util.stream.IntStream.Builder decided = java.util.stream.IntStream.builder();
        java.util.stream.IntStream.Builder rebuilt = java.util.stream.IntStream.builder();
        double psnr = 0;
        double ssim = 0;
        for (Block b : blocks) {
            paths.addAll(b.paths());
            codes.addAll(List.of(b.codes()));
            java.util.Arrays.stream(b.classes()).forEach(decided::add);
            java.util.Arrays.stream(b.rebuiltClasses()).forEach(rebuilt::add);
            psnr += b.psnrSum();
            ssim += b.ssimSum();
        }
        TreeSet<String> classes = new TreeSet<>();
        for (String p : paths) {
            String rel = relative(p, root);
            if (rel.contains("/")) {
                classes.add(rel.substring(0, rel.indexOf('/')));
            }
        }
        List<String> classNames = List.copyOf(classes);
        int[] labels = classNames.isEmpty() ? null : paths.stream().mapToInt(p -> {
            String rel = relative(p, root);
            return rel.contains("/") ? classNames.indexOf(rel.substring(0, rel.indexOf('/'))) : -1;
        }).toArray();
        String data = "images under " + root + " (" + n + " images" + (classNames.isEmpty() ? "" : ", " + classNames.size()
                + " classes") + (unreadable > 0 ? ", " + unreadable + " unreadable skipped" : "") + ")";
        return new PartialEvaluation.RealTotals(n, moments, offDiagonal, cross, psnr, ssim, codes.toArray(float[][]::new),
                labels, classNames, data, decided.build().toArray(), rebuilt.build().toArray());
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

    private static String relative(String path, String root) {
        String r = root.endsWith("/") ? root : root + "/";
        return path.startsWith(r) ? path.substring(r.length()) : path;
    }
}
