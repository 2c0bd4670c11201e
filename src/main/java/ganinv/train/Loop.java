package ganinv.train;

import ai.djl.ndarray.NDManager;
import ganinv.UserError;
import ganinv.objective.Trainable;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The loop every training phase shares (GAN training, fitting an encoder): take a step in its
 * own scope, average the losses into metrics.jsonl, draw a sample grid, checkpoint. What a step
 * does is the {@link Job}'s business; when things happen is the {@link Schedule}'s.
 */
final class Loop {
    /** One phase's work. */
    interface Job {
        /**
         * Step number {@code step} (0-based).
         *
         * @param scope the step's manager; every array made in the step dies with it
         * @return each loss term by name
         */
        Map<String, Double> step(NDManager scope, long step);

        /** Writes a PNG grid showing the phase's progress. */
        void writeSamples(Path file);

        /** Saves everything a resume needs after {@code done} steps; returns the file. */
        Path checkpoint(long done) throws IOException;
    }

    /**
     * When things happen.
     *
     * @param steps the total the phase runs to
     * @param batch images per step, for the images/s figure
     */
    record Schedule(long steps, int batch, int logEvery, int sampleEvery, int checkpointEvery) {
    }

    /** How a run of the loop went: the newest checkpoint and the seconds spent in this process. */
    record Result(Path checkpoint, double seconds, long stepsRun) {
    }

    /** Where a resumed phase picks up. */
    record Resumed(Path checkpoint, long step) {
    }

    private Loop() {
    }

    /**
     * Restores {@code t} and {@code rng} from the newest checkpoint in {@code dir} and drops the
     * metrics logged after it, which the resumed phase logs again.
     */
    static Resumed resume(RunDir dir, Trainable t, Rng rng) {
        Path file = newest(dir);
        Checkpoint ckpt = Checkpoint.read(file);
        ckpt.restoreInto(t);
        rng.restore(ckpt.header().rngState());
        dir.truncateMetricsAfter(ckpt.header().step());
        return new Resumed(file, ckpt.header().step());
    }

    static Path newest(RunDir dir) {
        try {
            return Checkpoint.newest(dir.checkpoints()).orElseThrow(() -> new UserError(
                    dir.checkpoints() + ": no checkpoint to resume from; start again without --resume"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code job} from {@code start} to the schedule's step count; a finished phase runs no steps. */
    static Result run(String label, Schedule s, long start, Job job, RunDir dir, NDManager manager, Path resumedFrom,
                      PrintStream out) {
        Map<String, Double> sums = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        long intervalStart = t0;
        int intervalSteps = 0;
        Path checkpoint = resumedFrom;
        try (Progress progress = Progress.create(label, start, s.steps(), out)) {
            for (long step = start; step < s.steps(); step++) {
                Map<String, Double> losses;
                try (NDManager scope = manager.newSubManager()) {
                    losses = job.step(scope, step);
                }
                losses.forEach((k, v) -> sums.merge(k, v, Double::sum));
                intervalSteps++;
                long done = step + 1;
                boolean last = done == s.steps();
                boolean log = done % s.logEvery() == 0 || last;
                if (log) {
                    long now = System.nanoTime();
                    Map<String, Object> line = new LinkedHashMap<>();
                    line.put("step", done);
                    for (Map.Entry<String, Double> e : sums.entrySet()) {
                        line.put(e.getKey(), e.getValue() / intervalSteps);
                    }
                    line.put("images_per_s", intervalSteps * s.batch() / ((now - intervalStart) / 1e9));
                    line.put("seconds", (now - t0) / 1e9);
                    line.put("rss_mib", ProcessMemory.residentMiB());      // a leak shows as a rising line
                    dir.appendMetrics(line);
                    sums.clear();
                    intervalSteps = 0;
                    intervalStart = now;
                }
                progress.update(done, losses, log);
                if (done % s.sampleEvery() == 0 || last) {
                    job.writeSamples(dir.sampleGrid(done));
                }
                if (done % s.checkpointEvery() == 0 || last) {
                    try {
                        checkpoint = job.checkpoint(done);
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot write a checkpoint into " + dir.checkpoints(), e);
                    }
                }
            }
        }
        if (start >= s.steps()) {
            out.println(dir.root() + " is already at step " + start + "; pass a larger --steps to go further");
        }
        return new Result(checkpoint, (System.nanoTime() - t0) / 1e9, Math.max(0, s.steps() - start));
    }
}
