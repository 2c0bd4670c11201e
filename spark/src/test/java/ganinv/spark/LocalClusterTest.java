package ganinv.spark;

import ganinv.api.types.Method;
import ganinv.api.Training;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real multi-process cluster on loopback, assembled from the test's own class path: Spark's
 * local-cluster master starts a Master and two Workers in this JVM, and each Worker starts its
 * executor in a JVM of its own. One executor is killed (SIGKILL) while the job runs; the job
 * must still finish with every image's row exactly once.
 */
class LocalClusterTest {
    @TempDir
    Path tmp;

    /** /proc's view: ProcessHandle.Info drops command lines as long as an executor's class path. */
    private static String commandLine(ProcessHandle p) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(p.pid()), "cmdline")));
        } catch (java.io.IOException e) {
            return "";
        }
    }

    @Test
    void anExecutorKilledMidJobLosesNoRowAndDuplicatesNone() throws Exception {
        Path run = tmp.resolve("run");
        Training.builder(run).method(Method.DLSGAN).resolution(16).width(8).latentDim(8).batch(4).steps(10).logEvery(10).run();
        Path images = tmp.resolve("images");
        Files.createDirectories(images);
        java.util.Random random = new java.util.Random(3);
        int count = 240;
        for (int i = 0; i < count; i++) {
            BufferedImage im = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = im.createGraphics();
            g.setColor(new Color(random.nextInt(0xffffff)));
            g.fillOval(random.nextInt(6), random.nextInt(6), 9, 9);
            g.dispose();
            ImageIO.write(im, "png", images.resolve(String.format("im%03d.png", i)).toFile());
        }
        // The Workers' SPARK_HOME (the surefire environment names it): an empty jars/ folder, the
        // executors' class path comes whole from spark.executor.extraClassPath.
        Files.createDirectories(Path.of(System.getenv("SPARK_HOME"), "jars"));
        String opens = System.getProperty("ganinv.spark.opens", "");
        SparkSession spark = SparkSession.builder().master("local-cluster[2,1,1024]").appName("ganinv-cluster-test")
                .config("spark.ui.enabled", "false")
                .config("spark.executor.extraClassPath", System.getProperty("java.class.path"))
                .config("spark.executor.extraJavaOptions", opens + " -Dai.djl.offline=true -Djava.awt.headless=true")
                .config("spark.executorEnv.OPT_OUT_TRACKING", "true")
                .config("spark.executorEnv.SPARK_SCALA_VERSION", "2.13")      // else the launcher looks for a Spark source tree
                .config("spark.task.maxFailures", "4")
                .config("spark.executor.memory", "512m")                  // small: photos must stream, fitted at once
                .getOrCreate();
        try {
            AtomicInteger started = new AtomicInteger();
            AtomicInteger lost = new AtomicInteger();
            java.util.concurrent.ConcurrentHashMap<String, AtomicInteger> running = new java.util.concurrent.ConcurrentHashMap<>();
            List<String> reasons = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            spark.sparkContext().addSparkListener(new SparkListener() {
                @Override
                public void onTaskStart(SparkListenerTaskStart taskStart) {
                    started.incrementAndGet();
                    running.computeIfAbsent(taskStart.taskInfo().executorId(), k -> new AtomicInteger()).incrementAndGet();
                }

                @Override
                public void onTaskEnd(org.apache.spark.scheduler.SparkListenerTaskEnd taskEnd) {
                    running.computeIfAbsent(taskEnd.taskInfo().executorId(), k -> new AtomicInteger()).decrementAndGet();
                    if (!(taskEnd.reason() instanceof org.apache.spark.Success$)) {
                        reasons.add(taskEnd.reason().getClass().getSimpleName() + ": " + taskEnd.reason());
                    }
                    if (taskEnd.reason() instanceof org.apache.spark.ExecutorLostFailure) {
                        lost.incrementAndGet();
                    }
                }
            });
            InvertSpec spec = new InvertSpec("hybrid", 40, 0.05, "l2", 0, 1, 8, 0, false, false, InvertSpec.DEFAULT_MAX_PIXELS);
            String out = tmp.resolve("latents").toString();
            CompletableFuture<SparkInvert.Summary> job = CompletableFuture.supplyAsync(() -> {
                try {
                    return SparkInvert.run(spark, new SparkInvert.Options(run, images.toString(), out, spec, 12, false));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (started.get() < 4 && !job.isDone() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(job).as("still running once tasks started").isNotDone();
            Thread.sleep(1500);                             // executors are mid-partition, models loaded
            // the executor that is running a task now: killing an idle one would lose nothing
            String busy = null;
            while (busy == null && System.nanoTime() < deadline) {
                busy = running.entrySet().stream().filter(e -> e.getValue().get() > 0).map(java.util.Map.Entry::getKey)
                        .findFirst().orElse(null);
                Thread.sleep(20);
            }
            String id = busy;
            Optional<ProcessHandle> executor = ProcessHandle.current().descendants()
                    .filter(p -> commandLine(p).contains("CoarseGrainedExecutorBackend")
                            && commandLine(p).contains("--executor-id\0" + id + "\0")).findFirst();
            assertThat(executor).as("an executor JVM of its own").isPresent();
            assertThat(job).isNotDone();
            executor.get().destroyForcibly();
            SparkInvert.Summary s = job.get(5, TimeUnit.MINUTES);
            assertThat(s.images()).isEqualTo(count);
            List<Row> rows = spark.read().parquet(out).collectAsList();
            Set<String> paths = new HashSet<>();
            for (Row r : rows) {
                assertThat(paths.add(r.getString(0))).as("once: " + r.getString(0)).isTrue();
            }
            assertThat(paths).hasSize(count);
            Thread.sleep(1000);                                     // the listener bus delivers after the job ends
            assertThat(lost.get()).as("tasks lost with the killed executor, run again elsewhere: " + reasons).isPositive();
            System.out.println("local-cluster: killed executor pid " + executor.get().pid() + ", " + lost.get()
                    + " tasks lost and retried; " + s.toJson());
            largePhotosStreamThroughSmallExecutors(spark, run);
        } finally {
            spark.stop();
        }
    }

    /** Three 6000x4000 JPEGs in one partition of an executor with a 512 MB heap: read, fitted and dropped one by one. */
    private void largePhotosStreamThroughSmallExecutors(SparkSession spark, Path run) throws Exception {
        Path photos = Files.createDirectories(tmp.resolve("photos"));
        BufferedImage im = new BufferedImage(6000, 4000, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = im.createGraphics();
        for (int i = 0; i < 3; i++) {
            g.setPaint(new java.awt.GradientPaint(0, 0, new Color(30 * i, 90, 200), 6000, 4000, new Color(250, 40 * i, 20)));
            g.fillRect(0, 0, 6000, 4000);
            ImageIO.write(im, "jpg", photos.resolve("photo" + i + ".jpg").toFile());
        }
        g.dispose();
        InvertSpec spec = new InvertSpec("encoder", 1, 0.05, "l2", 0, 1, 8, 0, true, false, InvertSpec.DEFAULT_MAX_PIXELS);
        String out = tmp.resolve("photo-latents").toString();
        SparkInvert.Summary s = SparkInvert.run(spark, new SparkInvert.Options(run, photos.toString(), out, spec, 1, false));
        assertThat(s.images()).isEqualTo(3);
        assertThat(s.errors()).isZero();
        for (Row r : spark.read().parquet(out).collectAsList()) {
            assertThat(r.isNullAt(r.fieldIndex("error"))).as(r.getString(0)).isTrue();
        }
    }
}
