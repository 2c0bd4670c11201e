package ganinv.cli;

import ganinv.serve.GanServer;
import ganinv.serve.ServeOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code ganinv serve}: the interactive page for a run. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Serve an interactive page for a run: drop an image to see its reconstruction (encoder at once, "
                + "hybrid refinement with progress), drag sliders of the most important latent elements and of "
                + "attribute directions, interpolate between two codes, sample, download codes (.npy) and images "
                + "(PNG). Also a JSON API: GET /api/run, POST /api/invert (multipart field 'image'), /api/render, "
                + "/api/interpolate, /api/sample, /api/refine. Stops with Ctrl-C.",
        footer = {"", "Example:", "  ./ganinv serve --run demo-run          # then open http://127.0.0.1:8080/",
                "  ./ganinv serve --run runs/dls --directions runs/dls/directions --port 9000"})
public final class ServeCommand extends RunCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "8080", description = "TCP port (0: any free one). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on. Default: ${DEFAULT-VALUE} (this machine only).")
    String host;

    @Option(names = "--directions", description = "A folder of .npy directions (from 'ganinv direction') to offer as sliders.")
    Path directions;

    @Option(names = "--max-upload", defaultValue = "10485760", description = "Largest upload in bytes. Default: ${DEFAULT-VALUE} (10 MB).")
    long maxUpload;

    @Option(names = "--max-pixels", defaultValue = "25000000",
            description = "Largest image an upload may be, in pixels (width x height), checked from its header before decoding. Default: ${DEFAULT-VALUE} (a 6000x4000 photo).")
    long maxPixels;

    @Option(names = "--sliders", defaultValue = "8", description = "Sliders for the K most important latent elements. Default: ${DEFAULT-VALUE}.")
    int sliders;

    @Option(names = "--refine-steps", defaultValue = "200", description = "Adam steps of a hybrid refinement. Default: ${DEFAULT-VALUE}.")
    int refineSteps;

    @Option(names = "--renderers", defaultValue = "2", description = "Model calls at once (others wait). Default: ${DEFAULT-VALUE}.")
    int renderers;

    @Mixin
    EncoderOption encoder;

    @Override
    public Integer call() throws Exception {
        ServeOptions options = new ServeOptions(run, host, port, directions, maxUpload, sliders, refineSteps, renderers, maxPixels,
                device, encoder.choice());
        try (GanServer server = new GanServer(options)) {
            int bound = server.start();
            if (!InetAddress.getByName(host).isLoopbackAddress()) {
                System.err.println("warning: --host " + host + " makes the page reachable from other machines, and it has no login");
            }
            System.out.println("serving " + run + " at http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + bound + "/  (Ctrl-C stops)");
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
            stop.await();
        }
        return 0;
    }
}
