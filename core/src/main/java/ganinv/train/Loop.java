package ganinv.train;

import ganinv.api.types.NonFinitePolicy;
import ganinv.checkpoint.Checkpoint;
import ganinv.random.Rng;
import ai.djl.ndarray.NDManager;
import ganinv.FileAccessError;
import ganinv.UserError;
import ganinv.model.GradientLock;
import ganinv.objective.Trainable;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The loop every training phase shares (GAN training, fitting an encoder): take a step in its
 * own scope, average the losses into metrics.jsonl, draw a sample grid, checkpoint. What a step
 * does is the {@link Job}'s business; when things happen is the {@link Schedule}'s.
 */
final class Loop {
    /** One phase's work: what it trains and with which random stream, and what a step, a sample grid and a checkpoint are. */
    abstract static class Job {
        /** Checked for non-finite weights after every step; restored on a rollback. */
        final Trainable trainable;
        final Rng rng;

        Job(Trainable trainable, Rng rng) {
            this.trainable = trainable;
            this.rng = rng;
        }

        /**
         * Step number {@code step} (0-based).
         *
         * @param scope the step's manager; every array made in the step dies with it
         * @return each loss term by name
         */
        abstract Map<String, Double> step(NDManager scope, long step);

        /** Writes a PNG grid showing the phase's progress. */
        abstract void writeSamples(Path file);

        /** Saves everything a resume needs after {@code done} steps; returns the file. */
        abstract Path checkpoint(long done) throws IOException;
    }

    /** Rollbacks in a row without reaching a new checkpoint before the phase gives up. */
    static final int MAX_ROLLBACKS = 5;

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
     * Restores {@code t} and {@code rng} from the newest readable checkpoint in {@code dir} and
     * drops the metrics logged after it, which the resumed phase logs again. A checkpoint that is
     * truncated or corrupt (a crash of the disk, not of ganinv: writes are atomic) is reported,
     * renamed to {@code *.corrupt} so that nothing is deleted, and the one before it is used.
     */
    static Resumed resume(RunDir dir, Trainable t, Rng rng, PrintStream out) {
        List<Path> files = new ArrayList<>(checkpoints(dir));
        Collections.reverse(files);
        for (Path file : files) {
            Checkpoint ckpt;
            try {
                ckpt = Checkpoint.read(file);
            } catch (UserError damaged) {
                Path aside = file.resolveSibling(file.getFileName() + ".corrupt");
                move(file, aside);
                out.println("warning: " + damaged.getMessage() + "; kept as " + aside.getFileName()
                        + ", resuming from the checkpoint before it");
                continue;
            }
            try {
                ckpt.restoreInto(t);
            } catch (UserError foreign) {
                throw new UserError(file + ": " + foreign.getMessage(), foreign);
            }
            rng.restore(ckpt.header().rngState());
            dir.truncateMetricsAfter(ckpt.header().step());
            return new Resumed(file, ckpt.header().step());
        }
        throw new UserError(dir.checkpoints() + (files.isEmpty() ? ": no checkpoint to resume from; start again without --resume"
                : ": every checkpoint is damaged (kept as *.corrupt); start again with --force"));
    }

    private static List<Path> checkpoints(RunDir dir) {
        try {
            return Checkpoint.list(dir.checkpoints());
        } catch (IOException e) {
            throw new FileAccessError(dir.checkpoints() + ": cannot list checkpoints", e);
        }
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new FileAccessError(from + ": cannot move a damaged checkpoint aside", e);
        }
    }

    static Path newest(RunDir dir) {
        try {
            return Checkpoint.newest(dir.checkpoints()).orElseThrow(() -> new UserError(
                    dir.checkpoints() + ": no checkpoint to resume from; start again without --resume"));
        } catch (IOException e) {
            throw new FileAccessError("cannot list " + dir.checkpoints(), e);
        }
    }

    /**
     * What one run of the loop needs, named rather than positional: build it with {@link #of} and the
     * withers.
     *
     * @param label the progress display's task name ("train", "fit-encoder")
     * @param from where it starts: the resumed checkpoint and its step, or none and 0
     * @param onLog told every metrics.jsonl line after it is written
     */
    record Phase(String label, Job job, RunDir dir, NDManager manager, Schedule schedule, Resumed from,
                 NonFinitePolicy onNonFinite, PrintStream out, Consumer<Map<String, Object>> onLog) {
        /** A phase from step 0 that stops on a non-finite value, prints nowhere and tells no one. */
        static Phase of(String label, Job job, RunDir dir, NDManager manager, Schedule schedule) {
            return new Phase(label, job, dir, manager, schedule, new Resumed(null, 0), NonFinitePolicy.STOP,
                    new PrintStream(java.io.OutputStream.nullOutputStream()), line -> { });
        }

        Phase from(Resumed value) {
            return new Phase(label, job, dir, manager, schedule, value, onNonFinite, out, onLog);
        }

        Phase onNonFinite(NonFinitePolicy value) {
            return new Phase(label, job, dir, manager, schedule, from, value, out, onLog);
        }

        Phase out(PrintStream value) {
            return new Phase(label, job, dir, manager, schedule, from, onNonFinite, value, onLog);
        }

        Phase onLog(Consumer<Map<String, Object>> value) {
            return new Phase(label, job, dir, manager, schedule, from, onNonFinite, out, value);
        }
    }

    /** Runs the phase's job from its start to the schedule's step count; a finished phase runs no steps. */
    static Result run(Phase p) {
        Schedule s = p.schedule();
        Job job = p.job();
        RunDir dir = p.dir();
        PrintStream out = p.out();
        long start = p.from().step();
        Map<String, Double> sums = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        long intervalStart = t0;
        int intervalSteps = 0;
        Path checkpoint = p.from().checkpoint();
        int rollbacks = 0;
        try (Interrupt interrupt = Interrupt.install(); Progress progress = Progress.create(p.label(), start, s.steps(), out)) {
            for (long step = start; step < s.steps(); step++) {
                if (interrupt.requested()) {
                    Interrupted stop = new Interrupted(step, save(job, step, dir));
                    out.println(stop.getMessage());             // printed before the JVM, released by close(), exits
                    throw stop;
                }
                Map<String, Double> losses;
                GradientLock.JVM.lock();                        // per step: a hybrid inversion in this JVM waits one step at most
                try (NDManager scope = p.manager().newSubManager()) {
                    losses = job.step(scope, step);
                } finally {
                    GradientLock.JVM.unlock();
                }
                Optional<String> bad = NonFinite.find(losses, job.trainable);
                if (bad.isPresent()) {
                    if (p.onNonFinite() == NonFinitePolicy.STOP || checkpoint == null || ++rollbacks > MAX_ROLLBACKS) {
                        throw stopped(step + 1, bad.get(), checkpoint, rollbacks);
                    }
                    step = rollBack(job, dir, step + 1, bad.get(), out) - 1;       // the loop's step++ resumes there
                    sums.clear();
                    intervalSteps = 0;
                    intervalStart = System.nanoTime();
                    continue;
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
                    p.onLog().accept(line);
                    sums.clear();
                    intervalSteps = 0;
                    intervalStart = now;
                }
                progress.update(done, losses, log);
                if (done % s.sampleEvery() == 0 || last) {
                    job.writeSamples(dir.sampleGrid(done));
                }
                if (done % s.checkpointEvery() == 0 || last) {
                    checkpoint = save(job, done, dir);
                    rollbacks = 0;
                }
            }
        }
        if (start >= s.steps()) {
            out.println(dir.root() + " is already at step " + start + "; pass a larger --steps to go further");
        }
        return new Result(checkpoint, (System.nanoTime() - t0) / 1e9, Math.max(0, s.steps() - start));
    }

    private static Path save(Job job, long done, RunDir dir) {
        try {
            return job.checkpoint(done);
        } catch (IOException e) {
            throw new FileAccessError("cannot write a checkpoint into " + dir.checkpoints()
                    + "; the earlier checkpoints are intact: free some space and continue with --resume", e);
        }
    }

    /** The newest checkpoint again, every optimizer at half the step size it had; returns the step it resumes at. */
    private static long rollBack(Job job, RunDir dir, long at, String what, PrintStream out) {
        // Half of the scale in use, not of the checkpoint's: repeated rollbacks to one checkpoint keep halving.
        Map<String, Double> before = new LinkedHashMap<>();
        job.trainable.optimizers().forEach((n, a) -> before.put(n, a.learningRateScale()));
        Resumed r = resume(dir, job.trainable, job.rng, out);
        job.trainable.optimizers().forEach((n, a) -> a.setLearningRateScale(before.get(n) / 2));
        double scale = job.trainable.optimizers().values().iterator().next().learningRateScale();
        out.printf(java.util.Locale.ROOT, "step %d: %s is not finite; rolled back to step %d (%s), learning rate now x%s%n",
                at, what, r.step(), r.checkpoint().getFileName(), scale);
        return r.step();
    }

    private static TrainingFailed stopped(long at, String what, Path checkpoint, int rollbacks) {
        String last = checkpoint == null ? "there is no checkpoint yet" : "the last good checkpoint " + checkpoint + " is untouched";
        String how = rollbacks > MAX_ROLLBACKS ? " after " + MAX_ROLLBACKS + " rollbacks" : "";
        return new TrainingFailed("step " + at + ": " + what + " is not finite; training stopped" + how + " and " + last
                + "; continue with --resume and a lower --lr, or with --on-nonfinite rollback");
    }
}
