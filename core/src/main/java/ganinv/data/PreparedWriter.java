package ganinv.data;

import ganinv.FileAccessError;
import ganinv.UserError;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PrimitiveIterator;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongBinaryOperator;

/**
 * Writes a {@link PreparedDataset}: a source's images fitted once to [C, R, R] and streamed to
 * one file, a folder decoded on every core a block at a time (memory holds one block, whatever
 * the folder's size), unreadable files skipped and reported as the folder loader does.
 */
public final class PreparedWriter {
    /** Images decoded together; a block's results are written in order before the next starts. */
    private static final int BLOCK = 512;

    /** What was written. */
    public record Summary(Path file, long count, int skipped, String firstSkipped, long bytes, String description) {
    }

    private PreparedWriter() {
    }

    /**
     * @param count images wanted, or {@link Dataset#INFINITE} for all (shapes need a count); from a
     *     larger source, drawn at random with {@code seed} as training draws them
     * @param progress told (done, total) after each block; may be null
     */
    public static Summary write(DataSpec spec, int channels, int resolution, long count, long seed, int threads, Path out,
                                PrintStream warnings, LongBinaryOperator progress) {
        if (spec.kind() == DataSpec.Kind.SHAPES && count == Dataset.INFINITE) {
            throw new UserError("--count: the shapes set is endless; say how many images to prepare");
        }
        if (spec.kind() == DataSpec.Kind.PREPARED) {
            throw new UserError("--data " + spec.path() + ": already a prepared dataset");
        }
        Path tmp = out.toAbsolutePath().resolveSibling(out.getFileName() + ".tmp");
        try {
            Files.createDirectories(tmp.getParent());
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                Written w = spec.kind() == DataSpec.Kind.FOLDER
                        ? folder(spec.path(), channels, resolution, count, seed, threads, ch, progress)
                        : memory(spec.open(channels, resolution, seed, count, warnings), ch, progress);
                if (w.count == 0) {
                    throw new UserError("--data " + spec + ": none of the images could be read (first: " + w.firstSkipped + ")");
                }
                if (w.skipped > 0 && warnings != null) {
                    warnings.println("warning: skipped " + w.skipped + " of " + (w.count + w.skipped) + " images tried in "
                            + spec.path() + " that could not be read; first: " + w.firstSkipped);
                }
                long bytes = finish(ch, channels, resolution, w, spec);
                ch.force(true);
                Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return new Summary(out, w.count, w.skipped, w.firstSkipped, bytes, w.description);
            }
        } catch (IOException e) {
            throw new FileAccessError("cannot write " + out, e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // a leftover temporary file is harmless and named .tmp
            }
        }
    }

    private record Written(long count, int[] labels, List<String> classes, int skipped, String firstSkipped,
                           String description) {
    }

    private static Written folder(Path root, int channels, int resolution, long count, long seed, int threads,
                                  FileChannel ch, LongBinaryOperator progress) throws IOException {
        List<Path> files = ImageFolderLoader.listImages(root);
        boolean cut = count >= 0 && count < files.size();
        long wanted = cut ? count : files.size();
        Subset used = cut ? Subset.RANDOM : Subset.FIRST;
        PrimitiveIterator.OfInt order = used.order(files.size(), seed);
        TreeSet<String> classSet = new TreeSet<>();
        for (Path f : files) {
            Path rel = root.relativize(f);
            if (rel.getNameCount() > 1) {
                classSet.add(rel.getName(0).toString());
            }
        }
        List<String> classes = List.copyOf(classSet);
        List<Integer> labels = new ArrayList<>();
        int skipped = 0;
        String first = null;
        long done = 0;
        ch.position(PreparedDataset.HEADER);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            while (done < wanted && order.hasNext()) {
                List<Path> block = new ArrayList<>();
                while (block.size() < Math.min(BLOCK, wanted - done) && order.hasNext()) {
                    block.add(files.get(order.nextInt()));
                }
                List<Future<byte[]>> decoded = new ArrayList<>();
                for (Path f : block) {
                    decoded.add(pool.submit(() -> ImageCodec.read(f, channels, resolution)));
                }
                for (int i = 0; i < block.size(); i++) {
                    try {
                        byte[] pixels = decoded.get(i).get();
                        write(ch, ByteBuffer.wrap(pixels));
                        Path rel = root.relativize(block.get(i));
                        labels.add(rel.getNameCount() > 1 ? classes.indexOf(rel.getName(0).toString()) : -1);
                        done++;
                    } catch (java.util.concurrent.ExecutionException e) {
                        if (!(e.getCause() instanceof UserError bad)) {
                            throw new IllegalStateException(e.getCause());
                        }
                        skipped++;
                        first = first == null ? bad.getMessage() : first;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while preparing", e);
                    }
                }
                if (progress != null) {
                    progress.applyAsLong(done, wanted);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        String description = "image folder " + root + " (" + files.size() + " images"
                + (classes.isEmpty() ? "" : ", " + classes.size() + " classes") + ")"
                + (cut ? ", " + used.describe((int) done, seed) : "");
        return new Written(done, classes.isEmpty() ? null : labels.stream().mapToInt(Integer::intValue).toArray(), classes,
                skipped, first, description);
    }

    private static Written memory(Dataset set, FileChannel ch, LongBinaryOperator progress) throws IOException {
        ch.position(PreparedDataset.HEADER);
        int[] labels = set.hasLabels() ? new int[Math.toIntExact(set.size())] : null;
        for (long i = 0; i < set.size(); i++) {
            write(ch, ByteBuffer.wrap(set.pixels(i)));
            if (labels != null) {
                labels[(int) i] = set.label(i);
            }
            if (progress != null && ((i + 1) % BLOCK == 0 || i + 1 == set.size())) {
                progress.applyAsLong(i + 1, set.size());
            }
        }
        return new Written(set.size(), labels, set.classNames(), 0, null, set.describe());
    }

    /** Labels and the JSON header after the pixels, then the fixed header at the start. */
    private static long finish(FileChannel ch, int channels, int resolution, Written w, DataSpec spec) throws IOException {
        long labelsAt = PreparedDataset.HEADER + w.count * (long) channels * resolution * resolution;
        ch.position(labelsAt);
        if (w.labels != null) {
            ByteBuffer b = ByteBuffer.allocate(4 * w.labels.length).order(ByteOrder.LITTLE_ENDIAN);
            b.asIntBuffer().put(w.labels);
            write(ch, b);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("description", w.description);
        json.put("source", spec.toString());
        json.put("classes", w.classes);
        json.put("skipped", w.skipped);
        json.put("ganinv_version", ganinv.Version.version());
        byte[] text = JsonFiles.MAPPER.writeValueAsString(json).getBytes(StandardCharsets.UTF_8);
        long jsonAt = ch.position();
        write(ch, ByteBuffer.wrap(text));
        ByteBuffer head = ByteBuffer.allocate(PreparedDataset.HEADER).order(ByteOrder.LITTLE_ENDIAN);
        head.put(PreparedDataset.MAGIC).putInt(PreparedDataset.VERSION).putInt(channels).putInt(resolution)
                .putLong(w.count).putInt(0).putLong(jsonAt).putInt(text.length).putInt(w.labels != null ? 1 : 0);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(head.array(), 0, 48);
        head.putInt(48, (int) crc.getValue());
        head.position(0);
        ch.position(0);
        write(ch, head);
        return jsonAt + text.length;
    }

    private static void write(FileChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }
}
