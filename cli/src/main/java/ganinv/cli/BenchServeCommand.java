package ganinv.cli;

import ganinv.serve.GanServer;
import ganinv.serve.LoadTest;
import ganinv.serve.ServeOptions;
import ganinv.train.ProcessMemory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code ganinv bench serve}: N clients rendering against a loopback server for a bounded time. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Start 'ganinv serve' on a free loopback port and let N clients post renders of random codes "
                + "back to back for the given time, in rounds: errors, p50/p95 latency, renders/s and the "
                + "process's RSS after each round (a leak shows as a rising RSS; the Java heap's committed size is "
                + "printed beside it, since the heap growing toward -Xmx also raises RSS).",
        footer = {"", "Example:", "  ./ganinv bench serve --run demo-run --clients 16 --seconds 30 --rounds 3"})
public final class BenchServeCommand extends RunCommand implements Callable<Integer> {
    @Option(names = "--clients", defaultValue = "16", description = "Concurrent clients. Default: ${DEFAULT-VALUE}.")
    int clients;

    @Option(names = "--seconds", defaultValue = "30", description = "Length of a round. Default: ${DEFAULT-VALUE}.")
    double seconds;

    @Option(names = "--rounds", defaultValue = "3", description = "Rounds, one after another. Default: ${DEFAULT-VALUE}.")
    int rounds;

    @Option(names = "--renderers", defaultValue = "2", description = "The server's model calls at once. Default: ${DEFAULT-VALUE}.")
    int renderers;

    @Override
    public Integer call() throws Exception {
        return BenchOptions.translated(this::measure);
    }

    private Integer measure() throws Exception {
        if (clients < 1 || seconds <= 0 || rounds < 1) {
            throw new ganinv.UserError("--clients, --seconds and --rounds must be positive");
        }
        try (GanServer server = new GanServer(new ServeOptions(run, "127.0.0.1", 0, null, 10 << 20, 8, 200, renderers,
                ServeOptions.DEFAULT_MAX_PIXELS, device, null))) {
            String base = "http://127.0.0.1:" + server.start();
            int d = new com.fasterxml.jackson.databind.ObjectMapper().readTree(new java.net.URL(base + "/api/run"))
                    .path("latent_dim").asInt();
            System.out.printf(Locale.ROOT, "start: RSS %.0f MiB, %d engine arrays%n", ProcessMemory.residentMiB(), server.engineArrays());
            for (int r = 1; r <= rounds; r++) {
                LoadTest.Result res = LoadTest.run(base, d, clients, seconds);
                System.out.printf(Locale.ROOT, "round %d: %d clients x %.0f s: %d renders, %d errors, %.1f renders/s, "
                                + "latency p50 %.1f ms, p95 %.1f ms, max %.1f ms; RSS %.0f MiB (Java heap committed %.0f MiB), %d engine arrays%n",
                        r, clients, seconds, res.latenciesMs().length, res.errors(), res.rendersPerSecond(), res.percentile(50),
                        res.percentile(95), res.percentile(100), ProcessMemory.residentMiB(),
                        Runtime.getRuntime().totalMemory() / 1048576.0, server.engineArrays());
            }
        }
        return 0;
    }
}
