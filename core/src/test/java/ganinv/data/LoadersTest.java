package ganinv.data;

import ganinv.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every loader on good data, and every kind of bad input giving one line that names the file. */
class LoadersTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream warnings = new ByteArrayOutputStream();
    private final PrintStream warn = new PrintStream(warnings, true);

    static byte[] idxImages(int n, int h, int w) {
        ByteBuffer b = ByteBuffer.allocate(16 + n * h * w);
        b.putInt(0x00000803).putInt(n).putInt(h).putInt(w);
        for (int i = 0; i < n * h * w; i++) {
            b.put((byte) (i % 251));
        }
        return b.array();
    }

    static byte[] idxLabels(int n) {
        ByteBuffer b = ByteBuffer.allocate(8 + n);
        b.putInt(0x00000801).putInt(n);
        for (int i = 0; i < n; i++) {
            b.put((byte) (i % 10));
        }
        return b.array();
    }

    static void gzip(Path file, byte[] data) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(data);
        }
    }

    @Test
    void idxRawWithSiblingLabels() throws IOException {
        Path images = tmp.resolve("train-images-idx3-ubyte");
        Files.write(images, idxImages(5, 28, 28));
        Files.write(tmp.resolve("train-labels-idx1-ubyte"), idxLabels(5));
        Dataset d = DataSpec.parse(images.toString()).open(1, 32, 0, -1, warn);
        assertThat(d.size()).isEqualTo(5);
        assertThat(d.pixels(0)).hasSize(32 * 32);
        assertThat(d.label(3)).isEqualTo(3);
        assertThat(d.hasLabels()).isTrue();
    }

    @Test
    void idxGzipWithoutLabelsToRgb() throws IOException {
        Path images = tmp.resolve("digits-idx3-ubyte.gz");
        gzip(images, idxImages(3, 28, 28));
        Dataset d = DataSpec.parse(images.toString()).open(3, 16, 0, -1, warn);
        assertThat(d.size()).isEqualTo(3);
        byte[] p = d.pixels(1);
        assertThat(p).hasSize(3 * 16 * 16);
        // Gray replicated into three equal planes.
        assertThat(java.util.Arrays.copyOfRange(p, 0, 256)).isEqualTo(java.util.Arrays.copyOfRange(p, 256, 512));
        assertThat(d.label(0)).isEqualTo(-1);
    }

    @Test
    void idxWrongMagicAndTruncated() throws IOException {
        Path bad = tmp.resolve("bad-idx3-ubyte");
        byte[] data = idxImages(2, 8, 8);
        data[0] = 7;
        Files.write(bad, data);
        assertThatThrownBy(() -> DataSpec.parse(bad.toString()).open(1, 8, 0, -1, warn))
                .isInstanceOf(UserError.class).hasMessageContaining(bad.toString()).hasMessageContaining("magic");
        Path cut = tmp.resolve("cut-idx3-ubyte");
        Files.write(cut, java.util.Arrays.copyOf(idxImages(2, 8, 8), 100));
        assertThatThrownBy(() -> DataSpec.parse(cut.toString()).open(1, 8, 0, -1, warn))
                .isInstanceOf(UserError.class).hasMessageContaining(cut.toString()).hasMessageContaining("truncated");
        Path gzCut = tmp.resolve("gzcut-idx3-ubyte.gz");
        gzip(gzCut, idxImages(4, 8, 8));
        byte[] gz = Files.readAllBytes(gzCut);
        Files.write(gzCut, java.util.Arrays.copyOf(gz, gz.length / 2));
        assertThatThrownBy(() -> DataSpec.parse(gzCut.toString()).open(1, 8, 0, -1, warn))
                .isInstanceOf(UserError.class).hasMessageContaining(gzCut.toString());
    }

    @Test
    void idxSizesWhoseProductOverflowsAreRefused() throws IOException {
        // Jazzer's crash input: 6,356,992 x 285,212,672 x 1,476,395,008 wraps around to the 0 bytes that follow.
        Path wrap = Files.write(tmp.resolve("wrap-idx3-ubyte"),
                new byte[] {0, 0, 8, 3, 0, 0x61, 0, 0, 0x11, 0, 0, 0, 0x58, 0, 0, 0});
        assertThatThrownBy(() -> IdxLoader.load(wrap, 1, 8)).isInstanceOf(UserError.class)
                .hasMessageContaining(wrap.toString()).hasMessageContaining("header is corrupt");
    }

    @Test
    void aPngWhoseHeaderClaimsBillionsOfPixelsIsRefusedBeforeDecoding() throws IOException {
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(17).put("IHDR".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .putInt(100_000).putInt(100_000).put(new byte[] {8, 2, 0, 0, 0});
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(ihdr.array());
        png.write(new byte[] {0, 0, 0, 13});
        png.write(ihdr.array());
        png.write(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        Path bomb = Files.write(tmp.resolve("bomb.png"), png.toByteArray());
        assertThatThrownBy(() -> ImageCodec.decode(bomb)).isInstanceOf(UserError.class)
                .hasMessageContaining("bomb.png").hasMessageContaining("100000x100000");
    }

    @Test
    void idxWithZeroSizedImagesIsRefusedAtOnce() throws IOException {
        // Jazzer's slow input: 4,263,168 images of 0 x 22528 pixels, which the size check let through.
        Path zero = Files.write(tmp.resolve("zero-idx3-ubyte"),
                new byte[] {0, 0, 8, 3, 0, 0x41, 0x0d, 0, 0, 0, 0, 0, 0, 0, 0x58, 0});
        assertThatThrownBy(() -> IdxLoader.load(zero, 1, 8)).isInstanceOf(UserError.class)
                .hasMessageContaining(zero.toString()).hasMessageContaining("0x22528 pixels");
    }

    @Test
    void idxLabelCountMismatch() throws IOException {
        Path images = tmp.resolve("t10k-images-idx3-ubyte");
        Files.write(images, idxImages(5, 8, 8));
        Files.write(tmp.resolve("t10k-labels-idx1-ubyte"), idxLabels(4));
        assertThatThrownBy(() -> DataSpec.parse(images.toString()).open(1, 8, 0, -1, warn))
                .isInstanceOf(UserError.class).hasMessageContaining("labels-idx1");
    }

    @Test
    void cifarFolderAndWrongSize() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("cifar"));
        byte[] records = new byte[2 * 3073];
        records[0] = 3;
        records[3073] = 9;
        records[1] = (byte) 200;
        Files.write(folder.resolve("data_batch_1.bin"), records);
        Files.write(folder.resolve("data_batch_2.bin"), records);
        DataSpec spec = DataSpec.parse(folder.toString());
        assertThat(spec.kind()).isEqualTo(DataSpec.Kind.CIFAR10);
        Dataset d = spec.open(3, 32, 0, -1, warn);
        assertThat(d.size()).isEqualTo(4);
        assertThat(d.label(1)).isEqualTo(9);
        assertThat(d.classNames().get(3)).isEqualTo("cat");
        assertThat(d.pixels(0)[0] & 0xff).isEqualTo(200);
        // --count takes a seeded random sample of a finite source, labels kept with their images;
        // runs made before that existed keep their first N.
        int[] picked = Subset.RANDOM.indices(4, 3, 0);
        Dataset three = spec.open(3, 32, 0, 3, warn);
        assertThat(three.size()).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            assertThat(three.label(i)).isEqualTo(d.label(picked[i]));
            assertThat(three.pixels(i)).isEqualTo(d.pixels(picked[i]));
        }
        assertThat(three.describe()).contains("3 drawn at random (seed 0) used");
        Dataset first3 = spec.open(3, 32, 0, 3, Subset.FIRST, warn);
        assertThat(first3.label(1)).isEqualTo(9);
        assertThat(first3.describe()).contains("the first 3 used");

        Files.write(folder.resolve("data_batch_3.bin"), new byte[3073 + 5]);
        assertThatThrownBy(() -> DataSpec.parse(folder.toString()).open(3, 32, 0, -1, warn))
                .isInstanceOf(UserError.class).hasMessageContaining("data_batch_3.bin").hasMessageContaining("3073");
    }

    @Test
    void imageFolderWithClassesAndACorruptFile() throws IOException {
        Path root = tmp.resolve("imgs");
        ImageCodec.writePng(new ShapesDataset(0, 4, 32, 3).pixels(0), 3, 32, 32, root.resolve("cats/a.png"));
        ImageCodec.writePng(new ShapesDataset(0, 4, 32, 3).pixels(1), 3, 32, 32, root.resolve("dogs/b.png"));
        ImageCodec.writePng(new ShapesDataset(0, 4, 32, 3).pixels(2), 3, 32, 32, root.resolve("dogs/deeper/c.png"));
        Files.write(root.resolve("dogs/broken.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        Files.write(root.resolve("cats/empty.jpg"), new byte[0]);
        Dataset d = DataSpec.parse(root.toString()).open(3, 16, 0, -1, warn);
        assertThat(d.size()).isEqualTo(3);
        assertThat(d.classNames()).containsExactly("cats", "dogs");
        assertThat(d.label(0)).isEqualTo(0);
        assertThat(d.label(2)).isEqualTo(1);
        assertThat(warnings.toString()).contains("skipped 2 of 5");
    }

    @Test
    void imageFolderFitsNonSquareImages() {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(40, 20, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 40; x++) {
            for (int y = 0; y < 20; y++) {
                img.setRGB(x, y, x < 20 ? 0x000000 : 0xffffff);
            }
        }
        // Centre crop keeps columns 10..29: left half black, right half white; area resize to 4x4.
        byte[] p = ImageCodec.fit(img, 1, 4);
        assertThat(p[0] & 0xff).isEqualTo(0);
        assertThat(p[3] & 0xff).isEqualTo(255);
    }

    @Test
    void areaResizeAveragesBlocks() {
        float[] src = {0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30};
        float[] out = AreaResize.resize(src, 1, 4, 4, 2, 2);
        assertThat(out).containsExactly(5f, 9f, 21f, 25f);
    }

    @Test
    void badSpecs() throws IOException {
        assertThatThrownBy(() -> DataSpec.parse(tmp.resolve("nope").toString()))
                .isInstanceOf(UserError.class).hasMessageContaining("no such file or folder");
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertThatThrownBy(() -> DataSpec.parse(empty.toString()).open(3, 32, 0, -1, warn))
                .isInstanceOf(UserError.class).hasMessageContaining("no PNG or JPEG");
        Path onlyBroken = Files.createDirectories(tmp.resolve("broken"));
        Files.write(onlyBroken.resolve("x.png"), new byte[10]);
        assertThatThrownBy(() -> DataSpec.parse(onlyBroken.toString()).open(3, 32, 0, -1, warn))
                .isInstanceOf(UserError.class).hasMessageContaining("none of the 1 images");
        Path txt = Files.writeString(tmp.resolve("notes.txt"), "hello");
        assertThatThrownBy(() -> DataSpec.parse(txt.toString())).isInstanceOf(UserError.class)
                .hasMessageContaining("IDX");
        assertThat(DataSpec.parse("shapes").kind()).isEqualTo(DataSpec.Kind.SHAPES);
    }
}
