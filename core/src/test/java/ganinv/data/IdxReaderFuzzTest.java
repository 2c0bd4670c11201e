package ganinv.data;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.file.Path;

/** Any bytes as an IDX file: a dataset or one line naming the file, never another exception or an out-of-memory. */
class IdxReaderFuzzTest {
    @FuzzTest(maxDuration = "15s")
    void idx(byte[] bytes) {
        Path f = ReaderFuzzing.file(bytes, "fuzz-images-idx3-ubyte");
        ReaderFuzzing.expectOnlyUserErrors(f, () -> IdxLoader.load(f, 1, 8));
    }
}
