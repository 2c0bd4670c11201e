package ganinv.data;

import ganinv.UserError;
import ganinv.api.Datasets;
import ganinv.api.PreparedData;
import ganinv.api.Training;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A prepared file holds exactly what the source gives, is read image by image, and trains bitwise as the source does. */
class PreparedDatasetTest {
    @TempDir
    static Path tmp;
    static Path folder;
    static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @BeforeAll
    static void aLabelledFolder() throws Exception {
        folder = tmp.resolve("folder");
        ShapesDataset shapes = new ShapesDataset(11, 30, 32, 3);
        for (int i = 0; i < shapes.size(); i++) {
            String cls = i % 3 == 2 ? "" : "class-" + (i % 3) + "/";             // every third image at the root: no label
            ImageCodec.writePng(shapes.pixels(i), 3, 32, 32, folder.resolve(cls + String.format("img-%02d.png", i)));
        }
        Files.write(folder.resolve("class-0/broken.png"), new byte[] {1, 2, 3});
    }

    private static List<byte[]> all(Dataset d) {
        List<byte[]> out = new ArrayList<>();
        for (long i = 0; i < d.size(); i++) {
            out.add(d.pixels(i));
        }
        return out;
    }

    @Test
    void aFolderPreparedHoldsTheFolderLoadersImagesLabelsAndClasses() throws Exception {
        Path file = tmp.resolve("all.gdata");
        PreparedData p = Datasets.prepare(folder.toString(), 1, 16, file, null);
        assertThat(p.count()).isEqualTo(30);
        assertThat(p.skipped()).isEqualTo(1);
        assertThat(p.firstSkipped()).contains("broken.png");
        assertThat(p.bytes()).isEqualTo(Files.size(file)).isGreaterThan(30L * 16 * 16);
        MemoryDataset expected = ImageFolderLoader.load(folder, 1, 16, QUIET);
        PreparedDataset prepared = PreparedDataset.open(file, 1, 16);
        assertThat(prepared.size()).isEqualTo(expected.size());
        assertThat(all(prepared)).containsExactlyElementsOf(all(expected));
        for (long i = 0; i < expected.size(); i++) {
            assertThat(prepared.label(i)).as("label %d", i).isEqualTo(expected.label(i));
        }
        assertThat(prepared.classNames()).containsExactly("class-0", "class-1");
        assertThat(prepared.describe()).contains("all.gdata").contains(folder.toString());
        assertThat(DataSpec.parse(file.toString()).kind()).isEqualTo(DataSpec.Kind.PREPARED);
    }

    @Test
    void aSeededCutIsTheCutTrainingMakes() {
        Path file = tmp.resolve("all-rgb.gdata");
        Datasets.prepare(folder.toString(), 3, 16, file, null);
        Dataset fromFile = DataSpec.parse(file.toString()).open(3, 16, 5, 7, QUIET);
        Dataset fromFolder = DataSpec.parse("folder:" + file.resolveSibling("folder")).open(3, 16, 5, 7, QUIET);
        assertThat(fromFile.size()).isEqualTo(7);
        // The draw over a prepared file is Subset.RANDOM over its images, as over any finite source.
        int[] indices = Subset.RANDOM.indices(30, 7, 5);
        PreparedDataset prepared = PreparedDataset.open(file, 3, 16);
        for (int i = 0; i < 7; i++) {
            assertThat(fromFile.pixels(i)).isEqualTo(prepared.pixels(indices[i]));
            assertThat(fromFile.label(i)).isEqualTo(prepared.label(indices[i]));
        }
        assertThat(fromFolder.size()).isEqualTo(7);
        assertThat(fromFile.describe()).contains("7 drawn at random");
    }

    @Test
    void aPreparedCutIsTheFoldersCut() {
        Path clean = tmp.resolve("clean");
        ShapesDataset shapes = new ShapesDataset(12, 20, 32, 3);
        for (int i = 0; i < shapes.size(); i++) {
            ImageCodec.writePng(shapes.pixels(i), 3, 32, 32, clean.resolve(String.format("i-%02d.png", i)));
        }
        PreparedData p = Datasets.prepare(clean.toString(), 3, 16, tmp.resolve("cut.gdata"), 6, 9, null);
        assertThat(p.count()).isEqualTo(6);
        Dataset folderCut = DataSpec.parse(clean.toString()).open(3, 16, 9, 6, QUIET);
        assertThat(all(PreparedDataset.open(p.file(), 3, 16))).containsExactlyElementsOf(all(folderCut));
    }

    @Test
    void anIdxSourceAndTheShapesPrepareToWhatTheyOpenTo() {
        Path idx = Path.of("/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz");
        if (Files.exists(idx)) {
            PreparedData p = Datasets.prepare(idx.toString(), 1, 32, tmp.resolve("fm.gdata"), 50, 1, null);
            Dataset expected = DataSpec.parse(idx.toString()).open(1, 32, 1, 50, QUIET);
            PreparedDataset got = PreparedDataset.open(p.file(), 1, 32);
            assertThat(all(got)).containsExactlyElementsOf(all(expected));
            assertThat(got.label(7)).isEqualTo(expected.label(7));
            assertThat(got.classNames()).hasSize(10);
        }
        PreparedData s = Datasets.prepare("shapes", 3, 16, tmp.resolve("shapes.gdata"), 40, 3, null);
        assertThat(all(PreparedDataset.open(s.file(), 3, 16))).containsExactlyElementsOf(all(new ShapesDataset(3, 40, 16, 3)));
    }

    @Test
    void mistakesAreOneLineNamingTheFile() throws Exception {
        Path file = tmp.resolve("m.gdata");
        Datasets.prepare(folder.toString(), 3, 16, file, null);
        assertThatThrownBy(() -> PreparedDataset.open(file, 3, 32)).isInstanceOf(UserError.class)
                .hasMessageContaining("m.gdata").hasMessageContaining("--resolution 16");
        Path cut = tmp.resolve("truncated.gdata");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length - 100));
        assertThatThrownBy(() -> PreparedDataset.open(cut, 3, 16)).isInstanceOf(UserError.class)
                .hasMessageContaining("truncated");
        bytes[20] ^= 1;                                  // the count, under the header's CRC
        Path bent = Files.write(tmp.resolve("bent.gdata"), bytes);
        assertThatThrownBy(() -> PreparedDataset.open(bent, 3, 16)).isInstanceOf(UserError.class).hasMessageContaining("damaged");
        assertThatThrownBy(() -> Datasets.prepare("shapes", 3, 16, tmp.resolve("x.gdata"), null))
                .hasMessageContaining("--count");
        assertThat(tmp.resolve("x.gdata")).doesNotExist();
    }

    @Test
    void aFolderTooLargeForTheHeapIsRefusedNamingPrepare() {
        assertThatThrownBy(() -> ImageFolderLoader.requireFits(folder, 200_000, 3, 128, 8L << 30))
                .isInstanceOf(UserError.class).hasMessageContaining("ganinv prepare --data " + folder)
                .hasMessageContaining("--resolution 128").hasMessageContaining("9.8 GB").hasMessageNotContaining("\n");
        ImageFolderLoader.requireFits(folder, 200_000, 3, 32, 8L << 30);     // 0.6 GB: fine
    }

    @Test
    void trainingOnThePreparedFileIsBitwiseTrainingOnTheFolderAndResumesExactly() throws Exception {
        Path clean = tmp.resolve("train-src");
        ShapesDataset shapes = new ShapesDataset(13, 24, 16, 3);
        for (int i = 0; i < shapes.size(); i++) {
            ImageCodec.writePng(shapes.pixels(i), 3, 16, 16, clean.resolve(String.format("c%d/i-%02d.png", i % 2, i)));
        }
        Path file = Datasets.prepare(clean.toString(), 3, 16, tmp.resolve("train.gdata"), null).file();
        Path a = tmp.resolve("from-folder");
        Path b = tmp.resolve("from-file");
        Path c = tmp.resolve("from-file-resumed");
        for (Path[] run : new Path[][] {{a, clean}, {b, file}}) {
            Training.builder(run[0]).data(run[1].toString()).resolution(16).width(8).latentDim(8).batch(4).steps(6)
                    .logEvery(2).sampleEvery(6).checkpointEvery(2).build().run();
        }
        Training.builder(c).data(file.toString()).resolution(16).width(8).latentDim(8).batch(4).steps(4)
                .logEvery(2).sampleEvery(6).checkpointEvery(2).build().run();
        Training.resume(c).steps(6).run();
        assertThat(Files.readAllBytes(b.resolve("samples/step-00000006.png")))
                .isEqualTo(Files.readAllBytes(a.resolve("samples/step-00000006.png")))
                .isEqualTo(Files.readAllBytes(c.resolve("samples/step-00000006.png")));
        assertThat(losses(b)).isEqualTo(losses(a)).isEqualTo(losses(c));
        assertThat(Files.readAllBytes(c.resolve("checkpoints/step-00000006.ckpt")))
                .isEqualTo(Files.readAllBytes(b.resolve("checkpoints/step-00000006.ckpt")));
    }

    /** metrics.jsonl without its timing and memory fields. */
    private static List<String> losses(Path run) throws Exception {
        return Files.readAllLines(run.resolve("metrics.jsonl")).stream()
                .map(l -> l.replaceAll(",\"(images_per_s|seconds|rss_mib)\":[^,}]*", "")).toList();
    }
}
