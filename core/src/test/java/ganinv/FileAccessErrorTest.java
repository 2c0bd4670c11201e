package ganinv;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

import static org.assertj.core.api.Assertions.assertThat;

class FileAccessErrorTest {
    @Test
    void oneLineNamingWhatAndTheSystemsReason() {
        assertThat(new FileAccessError("cannot write runs/a/x.json", new IOException("No space left on device")))
                .hasMessage("cannot write runs/a/x.json (No space left on device)").isInstanceOf(UserError.class);
        assertThat(new FileAccessError("cannot list runs/my run", new NoSuchFileException("runs/my run/checkpoints")))
                .hasMessage("cannot list runs/my run (NoSuchFileException)");
        assertThat(new FileAccessError("cannot write a", new AccessDeniedException("a", null, "Permission denied")))
                .hasMessage("cannot write a (Permission denied)");
        assertThat(new FileAccessError("cannot write b", new FileSystemException("b", null, "Read-only file system")))
                .hasMessage("cannot write b (Read-only file system)");
        assertThat(new FileAccessError("cannot read c", new IOException("first\nsecond"))).hasMessage("cannot read c (first)");
    }
}
