package ganinv.cli;

import ganinv.api.types.Method;
import ganinv.api.types.InvertMode;
import ganinv.bench.InvertBench;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code ganinv bench invert}: encoder inversions per second, or optimisation image-steps per second. */
@Command(name = "invert", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Inversion throughput on random weights and images, through the inverters 'invert' uses. encoder: images turned into codes per second; optimize: image-steps per second (l2, one start).",
        footer = {"", "Examples:", "  ./ganinv bench invert --mode encoder --batch 64",
                "  ./ganinv bench invert --mode optimize --batch 64 --steps 50"})
public final class BenchInvertCommand implements Callable<Integer> {
    @Option(names = "--mode", defaultValue = "encoder", description = "encoder or optimize. Default: ${DEFAULT-VALUE}.")
    String mode;

    @Option(names = "--method", description = "Whose encoder and generator. Default: ${DEFAULT-VALUE}.")
    String method;

    @CommandLine.Mixin
    BenchOptions bench;

    @Option(names = "--batch", defaultValue = "64", description = "Images per batch. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--steps", defaultValue = "50",
            description = "encoder: timed passes over 8 batches; optimize: timed Adam steps. Default: ${DEFAULT-VALUE}.")
    int steps;

    @Override
    public Integer call() throws Exception {
        return BenchOptions.translated(this::measure);
    }

    private Integer measure() {
        InvertMode how = InvertMode.parse(mode);
        InvertBench.Settings s = new InvertBench.Settings(how, Method.parse(method), bench.net(), batch, steps, bench.warmup);
        int used = bench.applyThreads();
        InvertBench.Result r = InvertBench.run(s, bench.profile, bench.device());
        System.out.println(String.format(Locale.ROOT, "%s inversion (%s), batch %d, %d threads: %d %s in %.2f s",
                mode, method, batch, used, r.images(), how == InvertMode.ENCODER ? "images" : "image-steps", r.seconds()));
        System.out.println(String.format(Locale.ROOT, "images/s: %.1f", r.imagesPerSecond()));
        if (bench.profile != null) {
            System.out.println("profile: " + bench.profile);
        }
        return 0;
    }
}
