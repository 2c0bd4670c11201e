package ganinv.spark;

import ganinv.api.GanRun;
import org.apache.spark.TaskContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The run each executor JVM inverts with: opened once per JVM and bundle (not per task or row) and
 * shared by the JVM's tasks, which {@link GanRun} allows. The run travels with the job as a
 * broadcast zip, so executors need no shared filesystem.
 */
final class RunOnExecutor {
    /** A loaded run and how long its loading took on this JVM. */
    record Loaded(GanRun run, double seconds, boolean loadedNow) {
    }

    private static final ConcurrentHashMap<String, GanRun> RUNS = new ConcurrentHashMap<>();

    private RunOnExecutor() {
    }

    /**
     * @param bundle the run's name: the hash of the shipped zip, so a run retrained in place is a new name
     * @param zip the run's essentials, zipped
     * @return the open run; {@code loadedNow} is true for the one call that loaded it
     */
    static Loaded get(String bundle, org.apache.spark.broadcast.Broadcast<byte[]> zip) {
        GanRun open = RUNS.get(bundle);
        if (open != null) {
            return new Loaded(open, 0, false);
        }
        synchronized (RUNS) {
            open = RUNS.get(bundle);
            if (open != null) {
                return new Loaded(open, 0, false);
            }
            configureEngine();
            long t0 = System.nanoTime();
            GanRun run;
            try {
                run = GanRun.open(unpack(bundle, zip.value()));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot unpack the run on this executor", e);
            }
            RUNS.put(bundle, run);
            return new Loaded(run, (System.nanoTime() - t0) / 1e9, true);
        }
    }

    /** Unpacks the shipped zip into a folder of this JVM's own, removed when the JVM exits. */
    private static Path unpack(String bundle, byte[] zip) throws java.io.IOException {
        Path root = Files.createTempDirectory(bundle + "-");
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (java.util.zip.ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                Path to = root.resolve(e.getName()).normalize();
                if (!to.startsWith(root)) {
                    throw new java.io.IOException("zip entry outside its folder: " + e.getName());
                }
                Files.createDirectories(to.getParent());
                Files.copy(in, to);
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (var walk = Files.walk(root)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (java.io.IOException | RuntimeException ignored) {
                // a temporary folder; the OS cleans it
            }
        }));
        return root;
    }

    /**
     * Before the engine starts in this JVM: offline natives (from the pytorch-native-cpu jar on
     * the class path) and libtorch's threads = the task's cores, unless the user set them.
     */
    private static void configureEngine() {
        System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
        if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
            TaskContext task = TaskContext.get();
            int cpus = task == null ? 1 : Math.max(1, task.cpus());
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(cpus));
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
    }
}
