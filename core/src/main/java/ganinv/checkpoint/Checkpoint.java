package ganinv.checkpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import com.fasterxml.jackson.databind.JsonNode;
import ganinv.UserError;
import ganinv.objective.Adam;
import ganinv.objective.Trainable;
import ganinv.data.JsonFiles;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * One file holding everything a resumed run needs: the config, the step, the RNG state, every
 * network's weights and every optimizer's moments and update count.
 *
 * <p>Layout: "GANINVCK", format version, a JSON header, then tensors (name, rank, dims,
 * little-endian float32 data), then a CRC32 of all preceding bytes. Written to a temporary
 * file, fsynced and renamed, so a kill mid-write never leaves a half checkpoint in place.
 */
public final class Checkpoint {
    private static final byte[] MAGIC = "GANINVCK".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final int FORMAT = 1;
    private static final String NAME_FORMAT = "step-%08d.ckpt";

    /**
     * What was saved besides the tensors.
     *
     * @param config the settings of the phase that wrote it (a training or an encoder-fitting config)
     */
    public record Header(JsonNode config, long step, long rngState, Map<String, Long> optimizerUpdates,
                         String ganinvVersion, String gitCommit, Map<String, Double> learningRateScales) {
    }

    private final Header header;
    private final Map<String, float[]> tensors;

    private Checkpoint(Header header, Map<String, float[]> tensors) {
        this.header = header;
        this.tensors = tensors;
    }

    public Header header() {
        return header;
    }

    /** Saves the state of {@code method} as {@code dir/step-N.ckpt} and keeps only the newest {@code keep}. */
    public static Path save(Path dir, Object config, Trainable method, long step, long rngState, int keep)
            throws IOException {
        Map<String, Long> updates = new LinkedHashMap<>();
        Map<String, Double> scales = new LinkedHashMap<>();
        method.optimizers().forEach((name, adam) -> updates.put(name, adam.updates()));
        method.optimizers().forEach((name, adam) -> scales.put(name, adam.learningRateScale()));
        Header header = new Header(JsonFiles.MAPPER.valueToTree(config), step, rngState, updates, ganinv.Version.version(),
                ganinv.Version.gitCommit(), scales);
        Files.createDirectories(dir);
        Path file = dir.resolve(String.format(NAME_FORMAT, step));
        writeAtomically(file, header, method);
        prune(dir, keep);
        return file;
    }

    /**
     * Saves the weights of {@code model} (and its optimizer state) as one file of the checkpoint
     * format, for a model that is not a run (the yardstick's classifier): {@code config} is its header.
     */
    public static void saveFile(Path file, Object config, Trainable model, long step) throws IOException {
        Map<String, Long> updates = new LinkedHashMap<>();
        model.optimizers().forEach((name, adam) -> updates.put(name, adam.updates()));
        Header header = new Header(JsonFiles.MAPPER.valueToTree(config), step, 0L, updates, ganinv.Version.version(),
                ganinv.Version.gitCommit(), Map.of());
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        writeAtomically(file, header, model);
    }

    private static void writeAtomically(Path file, Header header, Trainable method) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            write(tmp, header, method);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);          // a full disk leaves no half file behind
            throw e;
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The whole format, then flush and fsync. */
    private static void write(Path tmp, Header header, Trainable method) throws IOException {
        try (FileOutputStream fos = new FileOutputStream(tmp.toFile())) {
            CheckedOutputStream checked = new CheckedOutputStream(new BufferedOutputStream(fos, 1 << 16), new CRC32());
            DataOutputStream out = new DataOutputStream(checked);
            out.write(MAGIC);
            out.writeInt(FORMAT);
            byte[] json = JsonFiles.line(header).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            out.writeInt(json.length);
            out.write(json);
            Map<String, NDArray> all = tensorsOf(method);
            out.writeInt(all.size());
            for (Map.Entry<String, NDArray> e : all.entrySet()) {
                long[] dims = e.getValue().getShape().getShape();
                out.writeUTF(e.getKey());
                out.writeInt(dims.length);
                for (long d : dims) {
                    out.writeLong(d);
                }
                float[] data = e.getValue().toFloatArray();
                ByteBuffer buf = ByteBuffer.allocate(4 * data.length).order(ByteOrder.LITTLE_ENDIAN);
                buf.asFloatBuffer().put(data);
                out.write(buf.array());
            }
            out.flush();
            long crc = checked.getChecksum().getValue();
            out.writeLong(crc);
            out.flush();
            fos.getChannel().force(true);
        }
    }

    /** Every array a checkpoint holds, by a name unique across networks and optimizers. */
    public static Map<String, NDArray> tensorsOf(Trainable method) {
        Map<String, NDArray> all = new LinkedHashMap<>();
        method.networks().forEach((n, net) -> net.weights().forEach((k, v) -> all.put("net/" + n + "/" + k, v)));
        method.optimizers().forEach((n, adam) -> adam.state().forEach((k, v) -> all.put("adam/" + n + "/" + k, v)));
        method.buffers().forEach((k, v) -> all.put("state/" + k, v));
        return all;
    }

    /** Deletes all but the newest {@code keep}, and the temporary files of writes a kill cut short. */
    private static void prune(Path dir, int keep) throws IOException {
        List<Path> all = list(dir);
        for (int i = 0; i < all.size() - keep; i++) {
            Files.deleteIfExists(all.get(i));
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (Path stale : s.filter(p -> p.getFileName().toString().matches("step-\\d+\\.ckpt\\.tmp")).toList()) {
                Files.deleteIfExists(stale);
            }
        }
    }

    /** Checkpoint files in a folder, oldest first. */
    public static List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().matches("step-\\d+\\.ckpt")).sorted().toList();
        }
    }

    /** The step a checkpoint was saved at, from its file name; 0 for a folder without checkpoints. */
    public static long newestStep(Path dir) throws IOException {
        return newest(dir).map(p -> Long.parseLong(p.getFileName().toString().replaceAll("\\D", ""))).orElse(0L);
    }

    public static Optional<Path> newest(Path dir) throws IOException {
        List<Path> all = list(dir);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** Reads and verifies a checkpoint file; any damage is a {@link UserError} naming it. */
    public static Checkpoint read(Path file) {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            CheckedInputStream checked = new CheckedInputStream(raw, new CRC32());
            DataInputStream in = new DataInputStream(checked);
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw new UserError(file + ": not a ganinv checkpoint (wrong magic bytes)");
            }
            int format = in.readInt();
            if (format != FORMAT) {
                throw new UserError(file + ": checkpoint format " + format + " is not supported by this ganinv (" + FORMAT + ")");
            }
            byte[] json = in.readNBytes(checkedLength(in.readInt(), file));
            Header header = JsonFiles.MAPPER.readValue(json, Header.class);
            int count = in.readInt();
            Map<String, float[]> tensors = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                int rank = in.readInt();
                long size = 1;
                for (int r = 0; r < rank; r++) {
                    size *= in.readLong();
                }
                byte[] bytes = in.readNBytes(checkedLength(4 * size, file));
                if (bytes.length != 4 * size) {
                    throw new EOFException();
                }
                float[] data = new float[(int) size];
                ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(data);
                tensors.put(name, data);
            }
            long expected = checked.getChecksum().getValue();
            long stored = in.readLong();
            if (stored != expected) {
                throw new UserError(file + ": checkpoint is corrupt (checksum mismatch)");
            }
            return new Checkpoint(header, tensors);
        } catch (EOFException e) {
            throw new UserError(file + ": checkpoint is truncated", e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // Found by fuzzing: the parser's message spans lines and quotes the damaged bytes.
            throw new UserError(file + ": checkpoint is corrupt (unreadable header)", e);
        } catch (IOException e) {
            throw new UserError(file + ": cannot read checkpoint (" + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + ")", e);
        }
    }

    private static int checkedLength(long n, Path file) {
        if (n < 0 || n > Integer.MAX_VALUE - 8) {
            throw new UserError(file + ": checkpoint is corrupt (impossible length " + n + ")");
        }
        return (int) n;
    }

    /**
     * Copies the saved tensors into {@code method}, which must have been built from the same
     * configuration; a different architecture or method is refused before anything is changed.
     */
    public void restoreInto(Trainable method) {
        Map<String, NDArray> targets = tensorsOf(method);
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, NDArray> t : targets.entrySet()) {
            float[] saved = tensors.get(t.getKey());
            if (saved == null || saved.length != t.getValue().getShape().size()) {
                problems.add(t.getKey());
            }
        }
        if (!problems.isEmpty() || tensors.size() != targets.size()) {
            throw new UserError("checkpoint does not match this " + method.name() + " network (mismatched: "
                    + (problems.isEmpty() ? "tensor count" : problems.get(0)) + "); it comes from another method or architecture");
        }
        // An indexed copy rather than set(float[]): the latter makes libtorch print a deprecation warning.
        for (Map.Entry<String, NDArray> t : targets.entrySet()) {
            NDArray array = t.getValue();
            try (NDManager scope = array.getManager().newSubManager()) {
                array.set(new NDIndex("..."), scope.create(tensors.get(t.getKey()), array.getShape()));
            }
        }
        method.optimizers().forEach((name, adam) -> adam.restoreUpdates(header.optimizerUpdates().getOrDefault(name, 0L)));
        Map<String, Double> scales = header.learningRateScales() == null ? Map.of() : header.learningRateScales();  // absent in older checkpoints
        method.optimizers().forEach((name, adam) -> adam.setLearningRateScale(scales.getOrDefault(name, 1.0)));
    }
}
