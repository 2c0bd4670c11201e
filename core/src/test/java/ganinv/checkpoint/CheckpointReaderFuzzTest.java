package ganinv.checkpoint;

import com.code_intelligence.jazzer.junit.FuzzTest;
import ganinv.UserError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Any bytes as a checkpoint: read, or one line naming the file, never another exception or an out-of-memory. */
class CheckpointReaderFuzzTest {
    @FuzzTest(maxDuration = "15s")
    void checkpoint(byte[] bytes) throws IOException {
        Path dir = Files.createTempDirectory("ganinv-fuzz");
        Path f = Files.write(dir.resolve("step-00000001.ckpt"), bytes);
        try {
            Checkpoint.read(f);
        } catch (UserError e) {
            if (!e.getMessage().startsWith(f.toString()) || e.getMessage().contains("\n")) {
                throw new AssertionError("not one line naming the file: " + e.getMessage(), e);
            }
        } finally {
            Files.deleteIfExists(f);
            Files.deleteIfExists(dir);
        }
    }
}
