package ganinv.data;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A class-sorted source cut with --count holds every class in proportion, the same for the same seed. */
class SubsetLoadingTest {
    /** Class sizes of the folder: unequal on purpose, 300 images in all. */
    private static final int[] SIZES = {40, 30, 20, 90, 50, 70};

    @TempDir
    Path tmp;

    private Path folder;
    private final PrintStream warn = new PrintStream(new ByteArrayOutputStream(), true);

    /** Image (c, i) is 4×4 gray with pixel 0 = class c and pixel 1 = i: its identity survives decoding. */
    @BeforeEach
    void classSortedFolder() throws IOException {
        folder = tmp.resolve("digits");
        for (int c = 0; c < SIZES.length; c++) {
            for (int i = 0; i < SIZES[c]; i++) {
                byte[] px = new byte[16];
                px[0] = (byte) (c * 40);
                px[1] = (byte) i;
                ImageCodec.writePng(px, 1, 4, 4, folder.resolve("class" + c).resolve(String.format("%03d.png", i)));
            }
        }
    }

    @Test
    void aCutFolderHoldsEveryClassInProportionAndTheSameImagesForTheSameSeed() {
        int n = 120;
        int total = 300;
        for (long seed : new long[] {0, 1, 1_000_003}) {
            Dataset cut = DataSpec.parse(folder.toString()).open(1, 4, seed, n, warn);
            assertThat(cut.size()).isEqualTo(n);
            assertThat(cut.classNames()).hasSize(SIZES.length);
            assertThat(cut.describe()).contains("300 images, 6 classes").contains(n + " drawn at random (seed " + seed + ")");
            int[] perClass = new int[SIZES.length];
            Set<Integer> seen = new HashSet<>();
            for (int k = 0; k < n; k++) {
                byte[] px = cut.pixels(k);
                int c = (px[0] & 0xff) / 40;
                assertThat(cut.label(k)).as("label follows the image").isEqualTo(c);
                assertThat(seen.add(c * 1000 + (px[1] & 0xff))).as("no image twice").isTrue();
                perClass[c]++;
            }
            for (int c = 0; c < SIZES.length; c++) {
                // Hypergeometric: mean n·K/N, variance n·(K/N)·(1−K/N)·(N−n)/(N−1); allow 4 sd.
                double p = (double) SIZES[c] / total;
                double mean = n * p;
                double sd = Math.sqrt(n * p * (1 - p) * (total - n) / (total - 1.0));
                assertThat((double) perClass[c]).as("class %d with seed %d", c, seed).isBetween(mean - 4 * sd, mean + 4 * sd);
                assertThat(perClass[c]).isPositive();
            }
            Dataset again = DataSpec.parse(folder.toString()).open(1, 4, seed, n, warn);
            for (int k = 0; k < n; k++) {
                assertThat(again.pixels(k)).isEqualTo(cut.pixels(k));
                assertThat(again.label(k)).isEqualTo(cut.label(k));
            }
        }
        Dataset a = DataSpec.parse(folder.toString()).open(1, 4, 0, n, warn);
        Dataset b = DataSpec.parse(folder.toString()).open(1, 4, 1, n, warn);
        boolean differ = false;
        for (int k = 0; k < n && !differ; k++) {
            differ = !java.util.Arrays.equals(a.pixels(k), b.pixels(k));
        }
        assertThat(differ).as("another seed, another sample").isTrue();
    }

    @Test
    void theFirstNOfAClassSortedFolderWereOneClassWhichIsWhyRandomIsTheDefault() {
        Dataset first = DataSpec.parse(folder.toString()).open(1, 4, 0, 40, Subset.FIRST, warn);
        Set<Integer> classes = new HashSet<>();
        for (int k = 0; k < 40; k++) {
            classes.add(first.label(k));
        }
        assertThat(classes).containsExactly(0);
        assertThat(first.describe()).contains("the first 40 used");
    }

    @Test
    void aCutFolderDecodesOnlyWhatItUsesAndSkipsUnreadableFilesInTheSample() throws IOException {
        // Every file of class 2 is broken: a cut still delivers N readable images, and says how many it skipped.
        for (int i = 0; i < SIZES[2]; i++) {
            Files.write(folder.resolve("class2").resolve(String.format("%03d.png", i)), new byte[] {1, 2, 3});
        }
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        Dataset cut = DataSpec.parse(folder.toString()).open(1, 4, 5, 60, new PrintStream(said, true));
        assertThat(cut.size()).isEqualTo(60);
        assertThat(said.toString()).contains("warning: skipped").contains("images tried");
        int tried = Integer.parseInt(said.toString().replaceAll("(?s).*skipped \\d+ of (\\d+) images tried.*", "$1"));
        assertThat(tried).isLessThan(100);                           // not all 300 files were decoded
        assertThat(cut.classNames()).hasSize(SIZES.length);           // class 2 still names label 2
    }

    @Test
    void aCutIdxFileWithSortedLabelsHoldsEveryClass() throws IOException {
        int n = 1000;
        ByteBuffer images = ByteBuffer.allocate(16 + n * 4).putInt(0x803).putInt(n).putInt(2).putInt(2);
        ByteBuffer labels = ByteBuffer.allocate(8 + n).putInt(0x801).putInt(n);
        for (int i = 0; i < n; i++) {
            images.put(new byte[] {(byte) (i / 100), 0, 0, 0});
            labels.put((byte) (i / 100));                          // sorted: 100 of each digit
        }
        Path file = Files.write(tmp.resolve("sorted-images-idx3-ubyte"), images.array());
        Files.write(tmp.resolve("sorted-labels-idx1-ubyte"), labels.array());
        Dataset cut = DataSpec.parse(file.toString()).open(1, 2, 7, 200, warn);
        int[] perClass = new int[10];
        for (int k = 0; k < 200; k++) {
            assertThat(cut.pixels(k)[0]).isEqualTo((byte) cut.label(k));
            perClass[cut.label(k)]++;
        }
        // 20 expected per class, sd 3.6 (hypergeometric): 4 sd either side.
        for (int c : perClass) {
            assertThat(c).isBetween(6, 34);
        }
    }
}
