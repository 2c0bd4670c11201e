package ganinv.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The yardstick's classifier on an executor: the broadcast bytes written to a file of this JVM's
 * own once per content (the API opens classifiers from files), removed when the JVM exits.
 */
final class ClassifierOnExecutor {
    private static final ConcurrentHashMap<String, Path> FILES = new ConcurrentHashMap<>();

    private ClassifierOnExecutor() {
    }

    static Path file(byte[] bytes) {
        String key = java.util.HexFormat.of().formatHex(sha256(bytes));
        return FILES.computeIfAbsent(key, k -> {
            try {
                Path f = Files.createTempFile("ganinv-classifier-" + k.substring(0, 12) + "-", ".cls");
                Files.write(f, bytes);
                f.toFile().deleteOnExit();
                return f;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the classifier on this executor", e);
            }
        });
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
