package ganinv.data;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Any bytes as the only image of a folder, once named .png and once .jpg: decoded, or skipped
 * with a warning and then refused with one line (no readable image), never another exception.
 */
class ImageReaderFuzzTest {
    @FuzzTest(maxDuration = "15s")
    void image(byte[] bytes) {
        for (String name : new String[] {"x.png", "x.jpg"}) {
            Path f = ReaderFuzzing.file(bytes, name);
            PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
            // The folder-level refusal must itself name the file that could not be read, in one line.
            ReaderFuzzing.expectOnlyUserErrors(f, () -> ImageFolderLoader.load(f.getParent(), 3, 8, quiet));
        }
    }
}
