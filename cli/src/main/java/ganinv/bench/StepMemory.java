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

    /** The peak's rest: backward's gradients and temporaries, and the allocator's slack. */
    public double transientMiB() {
        double kept = keptMiB.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        return peakRssMiB - rssAtStartMiB - betweenStepsMiB - kept;
    }

    /** Runs {@code steps} more steps with the probe listening; the largest reading of each moment counts. */
    public static StepMemory measure(Start start, GanMethod method, int steps, IntConsumer step) {
        Map<String, Double> at = new LinkedHashMap<>();
        double between = Double.NaN;
        try (AutoCloseable probe = StepProbe.listen(point -> at.merge(point, heapMiB(), Math::max))) {
            for (int i = 0; i < steps; i++) {
                between = heapMiB();
                step.accept(i);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Map<String, Double> kept = new LinkedHashMap<>();
        for (String point : new String[] {StepProbe.BACKWARD_D, StepProbe.BACKWARD_G}) {
            if (at.containsKey(point)) {
                kept.put(point.substring(point.indexOf(' ') + 1), at.get(point) - between);
            }
        }
        double r1 = at.containsKey(StepProbe.R1_BUILT) ? at.get(StepProbe.R1_BUILT) - at.get(StepProbe.R1_START) : 0;
        long parameters = method.networks().values().stream().mapToLong(Network::parameterCount).sum();
        return new StepMemory(NativeHeap.allocator(), start.rssMiB(), ProcessMemory.peakResidentMiB(),
                4 * 4 * parameters / MIB, between - start.heapMiB(), kept, r1);
    }

    private static double heapMiB() {
        return NativeHeap.inUse().isPresent() ? NativeHeap.inUse().getAsLong() / MIB : Double.NaN;
    }
}
