package ganinv.data;

import ganinv.FileAccessError;
import ganinv.UserError;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NumPy's .npy format (version 1.0) for float32 matrices, so that latent codes move between
 * ganinv and Python with a plain {@code numpy.load}.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    /** A row-major float32 matrix [rows, cols]. */
    public record Matrix(int rows, int cols, float[] data) {
        public Matrix {
            if ((long) rows * cols != data.length) {
                throw new IllegalArgumentException(rows + "x" + cols + " does not match " + data.length + " values");
            }
        }
    }

    private Npy() {
    }

    public static void write(Path file, Matrix m) {
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + m.rows() + ", " + m.cols() + "), }";
        int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
        String header = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        ByteBuffer buf = ByteBuffer.allocate(MAGIC.length + 4 + header.length() + 4 * m.data().length)
                .order(ByteOrder.LITTLE_ENDIAN);
        buf.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
        buf.put(header.getBytes(StandardCharsets.US_ASCII));
        buf.asFloatBuffer().put(m.data());
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, buf.array());
        } catch (IOException e) {
            throw new FileAccessError("cannot write " + file, e);
        }
    }

    /** Reads a float32 1-D or 2-D C-order .npy file; a 1-D array is one row. */
    public static Matrix read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UserError(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 10 || bytes[0] != MAGIC[0] || bytes[1] != 'N' || bytes[5] != 'Y') {
            throw new UserError(file + ": not a .npy file");
        }
        int major = bytes[6];
        int headerLength = major == 1 ? Short.toUnsignedInt(buf.getShort(8)) : buf.getInt(8);
        int dataStart = (major == 1 ? 10 : 12) + headerLength;
        if (dataStart > bytes.length) {
            throw new UserError(file + ": .npy header is truncated");
        }
        String header = new String(bytes, major == 1 ? 10 : 12, headerLength, StandardCharsets.US_ASCII);
        if (!header.contains("'<f4'") || header.contains("'fortran_order': True")) {
            throw new UserError(file + ": only little-endian float32 C-order .npy files are supported");
        }
        Matcher shape = Pattern.compile("'shape': \\((\\d+),\\s*(\\d*)\\)").matcher(header);
        if (!shape.find()) {
            throw new UserError(file + ": .npy shape must be 1-D or 2-D");
        }
        int rows = shape.group(2).isEmpty() ? 1 : Integer.parseInt(shape.group(1));
        int cols = shape.group(2).isEmpty() ? Integer.parseInt(shape.group(1)) : Integer.parseInt(shape.group(2));
        if (bytes.length - dataStart != 4L * rows * cols) {
            throw new UserError(file + ": .npy data is " + (bytes.length - dataStart) + " bytes; the header promises "
                    + 4L * rows * cols);
        }
        float[] data = new float[rows * cols];
        buf.position(dataStart);
        buf.slice().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(data);
        return new Matrix(rows, cols, data);
    }
}
