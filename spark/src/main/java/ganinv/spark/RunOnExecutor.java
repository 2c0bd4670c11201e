package ganinv.spark;

import ganinv.api.GanRun;
import org.apache.spark.SparkFiles;
import org.apache.spark.TaskContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The run each executor JVM inverts with: opened once per JVM and bundle (not per task or row) and
 * shared by the JVM's tasks, which {@link GanRun} allows. The bundle travels with the job
 * ({@code SparkContext.addFile}), so executors need no shared filesystem.
 */
final class RunOnExecutor {
    /** A loaded run and how long its loading took on this JVM. */
    record Loaded(GanRun run, double seconds, boolean loadedNow) {
    }

    private static final ConcurrentHashMap<String, GanRun> RUNS = new ConcurrentHashMap<>();

    private RunOnExecutor() {
    }

    /**
     * @param bundle the name the run's folder was shipped under
     * @return the open run; {@code loadedNow} is true for the one call that loaded it
     */
    static Loaded get(String bundle) {
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
            GanRun run = GanRun.open(locate(bundle));
            RUNS.put(bundle, run);
            return new Loaded(run, (System.nanoTime() - t0) / 1e9, true);
        }
    }

    /** The shipped copy on an executor; the driver's own folder when the job runs where it was added. */
    private static Path locate(String bundle) {
        Path shipped = Path.of(SparkFiles.get(bundle));
        return Files.isDirectory(shipped) ? shipped : Path.of(SparkFiles.getRootDirectory(), bundle);
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
