package ganinv.cli;

import ganinv.api.types.Method;
import ganinv.bench.BlasRate;
import ganinv.bench.FmaPeak;
import ganinv.bench.StepMemory;
import ganinv.bench.TrainBench;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code ganinv bench train}: full training steps per second, the side compared with the PyTorch peer. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Full training steps of a method (for dlsgan: D step with R1, G step, scale update) on the network of --arch (dcgan-up by default) and random images. Prints parameter counts, RSS, the CPU and its own fp32 matmul rate, GFLOP/s as a fraction of that rate, and 'images/s: N'.",
        footer = {"", "Examples:", "  ./ganinv bench train --batch 64 --threads 2",
                "  ./ganinv bench train --warmup 200 --steps 1800     # RSS drift from step 200 to step 2000"})
public final class BenchTrainCommand implements Callable<Integer> {
    @Option(names = "--method", description = "Method whose step is timed. Default: ${DEFAULT-VALUE}.")
    String method;

    @CommandLine.Mixin
    BenchOptions bench;

    @Option(names = "--batch", defaultValue = "16", description = "Images per step. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--steps", defaultValue = "30", description = "Timed steps. Default: ${DEFAULT-VALUE}.")
    int steps;

    @Override
    public Integer call() throws Exception {
        return BenchOptions.translated(this::measure);
    }

    private Integer measure() {
        TrainBench.Settings s = new TrainBench.Settings(Method.parse(method), bench.net(), batch, steps, bench.warmup);
        int used = bench.applyThreads();
        TrainBench.Result r = TrainBench.run(s, bench.profile, bench.device());
        r.parameters().forEach((name, count) -> System.out.println(name + " parameters: " + count));
        System.out.println(String.format(Locale.ROOT, "%s, batch %d, %d threads: %d steps in %.2f s; %.3f GFLOP/step (analytic)",
                method, batch, used, steps, r.seconds(), r.flopsPerStep() / 1e9));
        System.out.println(String.format(Locale.ROOT, "RSS MiB: %.1f after warm-up, %.1f at the end (%+.2f%%); of which Java heap %.1f, %.1f",
                r.rssAfterWarmup(), r.rssAtEnd(), r.rssDriftPercent(), r.heapAfterWarmup(), r.heapAtEnd()));
        printMemory(r.memory());
        double[] ms = r.stepMillis().clone();
        Arrays.sort(ms);
        System.out.println(String.format(Locale.ROOT, "step ms: min %.1f, median %.1f, max %.1f", ms[0], ms[ms.length / 2], ms[ms.length - 1]));
        BlasRate.Result blas = BlasRate.measure(1024, 20, bench.device());
        System.out.println(String.format(Locale.ROOT, "cpu: %s; fp32 BLAS rate (1024x1024 products, %d threads): %.1f GFLOP/s",
                BlasRate.cpuModel(), used, blas.gflopsPerSecond()));
        Optional<FmaPeak.Estimate> peak = FmaPeak.estimate(used);
        peak.ifPresent(p -> System.out.println(String.format(Locale.ROOT,
                "fp32 FMA peak, estimated: %d cores x %d FLOP/cycle x %.2f GHz = %.1f GFLOP/s", p.cores(), p.flopsPerCycle(),
                p.gigahertz(), p.gflopsPerSecond())));
        System.out.println(String.format(Locale.ROOT, "GFLOP/s: %.2f (%.0f%% of the BLAS rate%s)", r.gflopsPerSecond(),
                100 * r.gflopsPerSecond() / blas.gflopsPerSecond(), peak.map(p -> String.format(Locale.ROOT,
                        ", %.0f%% of the FMA peak", 100 * r.gflopsPerSecond() / p.gflopsPerSecond())).orElse("")));
        System.out.println(String.format(Locale.ROOT, "images/s: %.1f", r.imagesPerSecond()));
        if (bench.profile != null) {
            System.out.println("profile: " + bench.profile);
        }
        return 0;
    }

    private static void printMemory(StepMemory m) {
        System.out.println(String.format(Locale.ROOT, "peak RSS MiB: %.1f (VmHWM, as /usr/bin/time reports it); %.1f before any network "
                + "(the JVM, libtorch); malloc: %s", m.peakRssMiB(), m.rssAtStartMiB(), m.allocator()));
        StringBuilder kept = new StringBuilder();
        m.keptMiB().forEach((pass, mib) -> kept.append(kept.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT,
                "%s %.1f%s", pass, mib, pass.equals("D") && m.r1MiB() > 0 ? String.format(Locale.ROOT, " (R1's graph %.1f)", m.r1MiB()) : "")));
        System.out.println(String.format(Locale.ROOT, "step memory MiB: weights, gradients and Adam %.1f; native heap between steps %.1f; "
                + "kept for backward %s; transient and allocator slack %.1f", m.weightsMiB(), m.betweenStepsMiB(), kept, m.transientMiB()));
    }
}
