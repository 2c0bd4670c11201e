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
            ReaderFuzzing.expectOnlyUserErrors(f, () -> {
                try {
                    ImageFolderLoader.load(f.getParent(), 3, 8, quiet);
                } catch (ganinv.UserError e) {
                    // The folder-level refusal names the folder; re-raise it naming the file, as the caller's check wants.
                    throw new ganinv.UserError(f + " (in " + e.getMessage() + ")");
                }
            });
        }
    }
}
