package ganinv.cli;

import ganinv.bench.DataBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code ganinv bench data}: the time a training step waits for its batch, from any --data. */
@Command(name = "data", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Fetch training batches from --data exactly as the training loop does (shuffled order, pixels, one tensor) and time them apart from any step: compare 'ms/batch' with a step's time from 'bench train'. Prints the time to open the source and the RSS before and after.",
        footer = {"", "Example:", "  ./ganinv bench data --data celeba-64.gdata --resolution 64 --batch 16 --batches 2000"})
public final class BenchDataCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "Any --data source; a prepared file is mapped, a folder decoded first.")
    String data;

    @Option(names = "--resolution", defaultValue = "32", description = "R. Default: ${DEFAULT-VALUE}.")
    int resolution;

    @Option(names = "--channels", defaultValue = "3", description = "1 or 3. Default: ${DEFAULT-VALUE}.")
    int channels;

    @Option(names = "--batch", defaultValue = "16", description = "Images per batch. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--batches", defaultValue = "1000", description = "Batches fetched. Default: ${DEFAULT-VALUE}.")
    int batches;

    @picocli.CommandLine.Mixin
    DeviceOption device;

    @Override
    public Integer call() throws Exception {
        return BenchOptions.translated(this::measure);
    }

    private Integer measure() {
        DataBench.Result r = DataBench.run(data, channels, resolution, batch, batches, System.err, ganinv.model.Devices.parse(device.device));
        System.out.printf(Locale.ROOT, "source: %d images, opened in %.2f s%n", r.images(), r.openSeconds());
        System.out.printf(Locale.ROOT, "RSS: %.0f MiB before, %.0f MiB after %d batches%n", r.rssBefore(), r.rssAfter(),
                r.batches());
        System.out.printf(Locale.ROOT, "ms/batch: %.3f  (%d images per batch)%n", r.millisecondsPerBatch(), batch);
        System.out.printf(Locale.ROOT, "images/s: %.1f%n", batch * 1000 / r.millisecondsPerBatch());
        return 0;
    }
}
