package ganinv.serve;

import ganinv.api.GanRun;
import ganinv.api.types.InvertMode;
import ganinv.api.InvertSettings;
import ganinv.api.Quality;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.CancellationException;

/**
 * Hybrid refinements (encoder start, then Adam on z), one at a time on a run of their own, so
 * that a refinement never holds the lock that quick encoder passes and renders take. Each job
 * reports its progress, can be cancelled, and is forgotten a while after it ends.
 */
final class RefineJobs implements AutoCloseable {
    static final int QUEUE = 8;

    /** A job's state as the page polls it; {@code result} is set once, when it succeeds. */
    static final class Job {
        final String id = UUID.randomUUID().toString();
        volatile long done;
        volatile long total;
        volatile boolean cancelled;
        volatile String error;
        volatile Map<String, Object> result;
        volatile long endedAt;

        boolean ended() {
            return result != null || error != null;
        }
    }

    private final GanRun refiner;
    private final int steps;
    private final ExecutorService worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(QUEUE), r -> new Thread(r, "ganinv-refine"));
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    RefineJobs(GanRun refiner, int steps) {
        this.refiner = refiner;
        this.steps = steps;
    }

    /** Queues a refinement of {@code image}; 503 when {@value #QUEUE} are already waiting. */
    Job start(BufferedImage image) {
        forgetOld();
        Job job = new Job();
        job.total = steps;
        jobs.put(job.id, job);
        try {
            worker.execute(() -> run(job, image));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            jobs.remove(job.id);
            throw new HttpError(503, "refine: " + QUEUE + " refinements are already waiting; try again shortly");
        }
        return job;
    }

    private void run(Job job, BufferedImage image) {
        try {
            if (job.cancelled) {
                throw new CancellationException();
            }
            InvertSettings hybrid = InvertSettings.builder().mode(InvertMode.HYBRID).steps(steps).batch(1).build();
            float[][] code = refiner.invert(List.of(image), hybrid, (done, total) -> {
                if (job.cancelled) {
                    throw new CancellationException();          // aborts the call between two Adam steps
                }
                job.done = done;
                job.total = total;
            });
            BufferedImage seen = refiner.fit(image);
            BufferedImage drawn = refiner.render(code).get(0);
            job.result = Map.of("code", code[0], "image", Images.dataUrl(drawn),
                    "psnr", Quality.psnr(seen, drawn), "ssim", Quality.ssim(seen, drawn), "steps", steps);
        } catch (RuntimeException e) {
            // the API wraps what the listener throws; the flag says whether it was a cancellation
            job.error = job.cancelled ? "cancelled"
                    : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
        } finally {
            job.endedAt = System.nanoTime();
        }
    }

    Job get(String id) {
        Job job = jobs.get(id);
        if (job == null) {
            throw new HttpError(404, "refine job " + id + ": unknown or expired");
        }
        return job;
    }

    private void forgetOld() {
        long now = System.nanoTime();
        jobs.values().removeIf(j -> j.ended() && now - j.endedAt > TimeUnit.MINUTES.toNanos(10));
    }

    /** Cancels every job, waits up to 10 s for the running one to stop, and closes the refiner's run. */
    @Override
    public void close() {
        jobs.values().forEach(j -> j.cancelled = true);
        worker.shutdownNow();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        refiner.close();
    }
}
