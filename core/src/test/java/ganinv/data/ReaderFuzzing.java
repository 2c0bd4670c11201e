package ganinv.data;

import ganinv.UserError;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What every fuzz test of a reader shares: the bytes go to a file, and only the documented error may come out. */
final class ReaderFuzzing {
    private ReaderFuzzing() {
    }

    /** Writes {@code bytes} to a fresh file named {@code name} in a fresh folder. */
    static Path file(byte[] bytes, String name) {
        try {
            Path dir = Files.createTempDirectory("ganinv-fuzz");
            Path f = dir.resolve(name);
            Files.write(f, bytes);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a reader: success and {@link UserError} (one line, naming the file) are the only allowed outcomes. */
    static void expectOnlyUserErrors(Path file, Runnable read) {
        try {
            read.run();
        } catch (UserError e) {
            if (!e.getMessage().contains(file.getFileName().toString()) || e.getMessage().contains("\n")) {
                throw new AssertionError("not one line naming " + file.getFileName() + ": " + e.getMessage(), e);
            }
        } finally {
            try {
                Files.deleteIfExists(file);
                Files.deleteIfExists(file.getParent());
            } catch (IOException ignored) {
                // a temp folder left behind is harmless
            }
        }
    }
}
