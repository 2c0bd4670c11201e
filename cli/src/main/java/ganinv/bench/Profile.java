package ganinv.bench;

import ai.djl.pytorch.jni.JniUtils;

import java.nio.file.Path;

/** libtorch's profiler around a piece of work, written as a Chrome trace when closed; a no-op without a file. */
final class Profile implements AutoCloseable {
    private final Path file;

    private Profile(Path file) {
        this.file = file;
    }

    /** @param file where the trace goes, or null for no profiling */
    static Profile start(Path file) {
        if (file != null) {
            JniUtils.startProfile(false, true, false);
        }
        return new Profile(file);
    }

    @Override
    public void close() {
        if (file != null) {
            JniUtils.stopProfile(file.toAbsolutePath().toString());
        }
    }
}
