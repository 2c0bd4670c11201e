package ganinv.data;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.file.Path;
import java.util.List;

/** Any bytes as a CIFAR-10 batch: a dataset or one line naming the file. */
class CifarReaderFuzzTest {
    @FuzzTest(maxDuration = "15s")
    void cifar(byte[] bytes) {
        Path f = ReaderFuzzing.file(bytes, "data_batch_1.bin");
        ReaderFuzzing.expectOnlyUserErrors(f, () -> Cifar10Loader.load(List.of(f), 3, 8));
    }
}
