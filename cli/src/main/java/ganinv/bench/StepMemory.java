package ganinv.bench;

import ganinv.model.Network;
import ganinv.objective.GanMethod;
import ganinv.objective.StepProbe;
import ganinv.train.NativeHeap;
import ganinv.train.ProcessMemory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Where a training step's memory goes, so that the next regression shows itself: the process's
 * peak RSS, what it held before any tensor, and the native heap (malloc's bytes in use,
 * {@link NativeHeap}) at the step's named moments ({@link StepProbe}).
 *
 * @param allocator the malloc read ("tcmalloc", "glibc", "unknown": then the heap figures are NaN)
 * @param rssAtStartMiB RSS when the engine was loaded and no network built: the JVM and libtorch
 * @param peakRssMiB the process's highest RSS (VmHWM), what {@code /usr/bin/time} reports
 * @param weightsMiB weights, their gradients and Adam's two moments: 4 floats per parameter
 * @param betweenStepsMiB heap growth since the start, between steps: weights, Adam, the data, caches
 * @param keptMiB per backward pass: heap bytes alive just before it beyond those between steps,
 *                i.e. what autograd (and the step) keep for it
 * @param r1MiB the heap growth while R1's input-gradient graph is built (part of D's kept bytes)
 */
public record StepMemory(String allocator, double rssAtStartMiB, double peakRssMiB, double weightsMiB,
                         double betweenStepsMiB, Map<String, Double> keptMiB, double r1MiB) {
    private static final double MIB = 1024.0 * 1024.0;

    /** What the process held before the networks: read it first. */
    public record Start(double rssMiB, double heapMiB) {
    }

    public static Start start() {
        return new Start(ProcessMemory.residentMiB(), heapMiB());
    }

    /**
     * The peak's rest: backward's gradients and temporaries, the allocator's slack, and whatever the
     * JVM itself grew by since the start (heap, compiled code): the RSS counts them all.
     */
    public double transientMiB() {
        double kept = keptMiB.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        return peakRssMiB - rssAtStartMiB - betweenStepsMiB - kept;
    }

    /** Runs {@code steps} more steps with the probe listening; the largest reading of each moment counts. */
    public static StepMemory measure(Start start, GanMethod method, int steps, IntConsumer step) {
        Map<String, Double> kept = new LinkedHashMap<>();
        double[] between = {Double.NaN};
        double[] r1 = {Double.NaN, 0};                                               // R1's start in this step, its largest growth
        try (AutoCloseable probe = StepProbe.listen(point -> {
            double now = heapMiB();
            switch (point) {
                case StepProbe.R1_START -> r1[0] = now;
                case StepProbe.R1_BUILT -> r1[1] = Math.max(r1[1], now - r1[0]);
                default -> kept.merge(point.substring(point.indexOf(' ') + 1), now - between[0], Math::max);
            }
        })) {
            for (int i = 0; i < steps; i++) {
                between[0] = heapMiB();                                              // each step against its own start
                step.accept(i);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        long parameters = method.networks().values().stream().mapToLong(Network::parameterCount).sum();
        return new StepMemory(NativeHeap.allocator(), start.rssMiB(), ProcessMemory.peakResidentMiB(),
                4 * 4 * parameters / MIB, between[0] - start.heapMiB(), kept, r1[1]);
    }

    private static double heapMiB() {
        return NativeHeap.inUse().isPresent() ? NativeHeap.inUse().getAsLong() / MIB : Double.NaN;
    }
}
