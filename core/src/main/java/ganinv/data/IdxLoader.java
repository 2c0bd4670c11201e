package ganinv.data;

import ganinv.UserError;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * MNIST-format IDX files, raw or gzip-compressed: unsigned-byte images [N, H, W] (or
 * [N, H, W, C] with C = 1 or 3). Labels come from the sibling labels file when present
 * ({@code train-images-idx3-ubyte} goes with {@code train-labels-idx1-ubyte}).
 */
public final class IdxLoader {
    private static final int UNSIGNED_BYTE = 0x08;

    private IdxLoader() {
    }

    /** True when the file name looks like an IDX file (so a data spec can be recognised). */
    public static boolean looksLikeIdx(Path file) {
        String n = file.getFileName().toString();
        return n.contains("idx") || n.contains("-ubyte");
    }

    public static MemoryDataset load(Path file, int channels, int resolution) {
        Parsed images = parse(file, read(file));
        if (images.dims.length < 3 || images.dims.length > 4
                || (images.dims.length == 4 && images.dims[3] != 1 && images.dims[3] != 3)) {
            throw new UserError(file + ": IDX holds " + images.dims.length
                    + " dimensions; images need [N, H, W] or [N, H, W, C] with C = 1 or 3");
        }
        int n = images.dims[0];
        int h = images.dims[1];
        int w = images.dims[2];
        int c = images.dims.length == 4 ? images.dims[3] : 1;
        if (n == 0) {
            throw new UserError(file + ": IDX file holds no images (N = 0)");
        }
        if (h < 1 || w < 1) {
            // Found by fuzzing: 4 million images of 0x22528 pixels passed the size check and took minutes.
            throw new UserError(file + ": IDX images are " + h + "x" + w + " pixels; both sides must be at least 1");
        }
        int side = Math.min(h, w);
        List<byte[]> out = new ArrayList<>(n);
        float[] planes = new float[c * side * side];
        for (int i = 0; i < n; i++) {
            int base = images.offset + i * h * w * c;
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    for (int k = 0; k < c; k++) {
                        int src = base + ((y + (h - side) / 2) * w + x + (w - side) / 2) * c + k;
                        planes[k * side * side + y * side + x] = images.data[src] & 0xff;
                    }
                }
            }
            out.add(ImageCodec.fitPlanes(planes, c, side, channels, resolution));
        }
        int[] labels = null;
        List<String> classNames = List.of();
        Path labelFile = labelsFileFor(file);
        if (labelFile != null) {
            Parsed l = parse(labelFile, read(labelFile));
            if (l.dims.length != 1 || l.dims[0] != n) {
                throw new UserError(labelFile + ": labels file holds " + (l.dims.length == 1 ? l.dims[0] : "non-1-D")
                        + " labels but " + file + " holds " + n + " images; remove or fix it");
            }
            labels = new int[n];
            int max = 0;
            for (int i = 0; i < n; i++) {
                labels[i] = l.data[l.offset + i] & 0xff;
                max = Math.max(max, labels[i]);
            }
            List<String> names = new ArrayList<>();
            for (int k = 0; k <= max; k++) {
                names.add(Integer.toString(k));
            }
            classNames = names;
        }
        String description = "IDX " + file + " (" + n + " images " + h + "x" + w
                + (labels == null ? ", no labels" : ", labels from " + labelFile.getFileName()) + ")";
        return new MemoryDataset(out, labels, classNames, channels, resolution, description);
    }

    static Path labelsFileFor(Path imagesFile) {
        String name = imagesFile.getFileName().toString();
        if (!name.contains("images-idx3")) {
            return null;
        }
        String base = name.replace("images-idx3", "labels-idx1");
        for (String candidate : new String[] {base, base.endsWith(".gz") ? base.substring(0, base.length() - 3) : base + ".gz"}) {
            Path p = imagesFile.resolveSibling(candidate);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    private record Parsed(int[] dims, byte[] data, int offset) {
    }

    private static byte[] read(Path file) {
        try (InputStream raw = Files.newInputStream(file)) {
            byte[] head = raw.readNBytes(2);
            boolean gz = head.length == 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
            try (InputStream rest = Files.newInputStream(file);
                 InputStream in = gz ? new GZIPInputStream(rest) : rest) {
                ByteArrayOutputStream buffer = new ByteArrayOutputStream();
                in.transferTo(buffer);
                return buffer.toByteArray();
            }
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UserError(file + ": no such file");
        } catch (IOException e) {
            throw new UserError(file + ": cannot read IDX data (" + e.getMessage() + "); the file may be truncated", e);
        }
    }

    private static Parsed parse(Path file, byte[] bytes) {
        if (bytes.length < 4 || bytes[0] != 0 || bytes[1] != 0) {
            throw new UserError(file + ": not an IDX file (wrong magic number; expected 00 00 08 0N)");
        }
        if ((bytes[2] & 0xff) != UNSIGNED_BYTE) {
            throw new UserError(file + ": IDX element type 0x" + Integer.toHexString(bytes[2] & 0xff)
                    + " is not supported; only unsigned bytes (0x08)");
        }
        int ndim = bytes[3] & 0xff;
        if (ndim < 1 || ndim > 4 || bytes.length < 4 + 4 * ndim) {
            throw new UserError(file + ": IDX header is truncated or names " + ndim + " dimensions");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int[] dims = new int[ndim];
        long expected = 1;
        for (int i = 0; i < ndim; i++) {
            dims[i] = buffer.getInt(4 + 4 * i);
            if (dims[i] < 0) {
                throw new UserError(file + ": IDX header has a negative size");
            }
            try {
                expected = Math.multiplyExact(expected, dims[i]);
            } catch (ArithmeticException overflow) {
                // Found by fuzzing: sizes whose product wrapped around to the file's length.
                throw new UserError(file + ": IDX header promises more data than any file can hold; the header is corrupt");
            }
        }
        int offset = 4 + 4 * ndim;
        if (bytes.length - offset != expected) {
            throw new UserError(file + ": IDX header promises " + expected + " bytes of data but the file holds "
                    + (bytes.length - offset) + "; the file is truncated or corrupt");
        }
        return new Parsed(dims, bytes, offset);
    }
}
