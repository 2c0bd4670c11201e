package ganinv.spark;

import ganinv.api.FeatureMoments;
import ganinv.api.PartialEvaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.IntStream;

/** The real side's blocks: built batch by batch on an executor, combined in path order on the driver. */
final class RealBlocks {
    private RealBlocks() {
    }

    /** A partition's block, grown one measured batch at a time. */
    static final class Builder {
        private final List<String> paths = new ArrayList<>();
        private final List<float[]> features = new ArrayList<>();
        private final List<float[]> codes = new ArrayList<>();
        private final IntStream.Builder classes = IntStream.builder();
        private final IntStream.Builder rebuilt = IntStream.builder();
        private double psnr;
        private double ssim;
        long unreadable;

        void add(List<String> batchPaths, PartialEvaluation.Real r) {
            paths.addAll(batchPaths);
            features.addAll(List.of(r.features()));
            codes.addAll(List.of(r.codes()));
            for (int i = 0; i < batchPaths.size(); i++) {
                psnr += r.psnr().length > 0 ? r.psnr()[i] : 0;
                ssim += r.ssim().length > 0 ? r.ssim()[i] : 0;
            }
            IntStream.of(r.classes()).forEach(classes::add);
            IntStream.of(r.reconstructedClasses()).forEach(rebuilt::add);
        }

        SparkEvaluate.Block build() {
            return new SparkEvaluate.Block(List.copyOf(paths), features.toArray(float[][]::new), codes.toArray(float[][]::new),
                    psnr, ssim, classes.build().toArray(), rebuilt.build().toArray(), unreadable);
        }
    }

    /** Every block's images in path order (codes, labels, decisions: the probes pair them by index). */
    static PartialEvaluation.RealTotals totals(List<SparkEvaluate.Block> blocks, long n, FeatureMoments moments,
                                               double offDiagonal, double cross, String root) {
        record Image(String path, float[] code, int decided, int rebuilt) {
        }
        List<Image> images = new ArrayList<>();
        double psnr = 0;
        double ssim = 0;
        long unreadable = 0;
        for (SparkEvaluate.Block b : blocks) {
            for (int i = 0; i < b.paths().size(); i++) {
                images.add(new Image(b.paths().get(i), b.codes().length > 0 ? b.codes()[i] : null,
                        b.classes().length > 0 ? b.classes()[i] : -1, b.rebuiltClasses().length > 0 ? b.rebuiltClasses()[i] : -1));
            }
            psnr += b.psnrSum();
            ssim += b.ssimSum();
            unreadable += b.unreadable();
        }
        images.sort(Comparator.comparing(Image::path));
        boolean withCodes = images.stream().allMatch(im -> im.code() != null);
        boolean decided = blocks.stream().anyMatch(b -> b.classes().length > 0);
        boolean rebuilt = blocks.stream().anyMatch(b -> b.rebuiltClasses().length > 0);
        TreeSet<String> classes = new TreeSet<>();
        for (Image im : images) {
            String rel = relative(im.path(), root);
            if (rel.contains("/")) {
                classes.add(rel.substring(0, rel.indexOf('/')));
            }
        }
        List<String> classNames = List.copyOf(classes);
        int[] labels = classNames.isEmpty() ? null : images.stream().mapToInt(im -> {
            String rel = relative(im.path(), root);
            return rel.contains("/") ? classNames.indexOf(rel.substring(0, rel.indexOf('/'))) : -1;
        }).toArray();
        String data = "images under " + root + " (" + n + " images" + (classNames.isEmpty() ? "" : ", " + classNames.size()
                + " classes") + (unreadable > 0 ? ", " + unreadable + " unreadable skipped" : "") + ")";
        float[][] codes = withCodes ? images.stream().map(Image::code).toArray(float[][]::new) : new float[0][];
        return new PartialEvaluation.RealTotals(n, moments, offDiagonal, cross, psnr, ssim, codes, labels, classNames, data,
                decided ? images.stream().mapToInt(Image::decided).toArray() : new int[0],
                rebuilt ? images.stream().mapToInt(Image::rebuilt).toArray() : new int[0]);
    }

    private static String relative(String path, String root) {
        String r = root.endsWith("/") ? root : root + "/";
        return path.startsWith(r) ? path.substring(r.length()) : path;
    }
}
