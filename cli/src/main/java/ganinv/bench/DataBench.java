package ganinv.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ganinv.data.BatchOrder;
import ganinv.data.DataSpec;
import ganinv.data.Dataset;
import ganinv.data.ImageTensor;
import ganinv.train.ProcessMemory;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * How long the training loop waits for its data: batches fetched exactly as {@code Trainer} fetches
 * them (the run's shuffled order, each image's pixels, one [B, C, R, R] tensor), timed apart from
 * any step, with the resident memory before and after.
 */
public final class DataBench {
    /** @param openSeconds time to open the source (a folder decodes every image; a prepared file maps) */
    public record Result(long images, double openSeconds, int batches, double seconds, double rssBefore, double rssAfter) {
        public double millisecondsPerBatch() {
            return 1000 * seconds / batches;
        }
    }

    private DataBench() {
    }

    public static Result run(String data, int channels, int resolution, int batch, int batches, PrintStream warnings,
                             ai.djl.Device device) {
        double rssBefore = ProcessMemory.residentMiB();
        long t0 = System.nanoTime();
        Dataset set = DataSpec.parse(data).open(channels, resolution, 0, Dataset.INFINITE, warnings);
        double open = (System.nanoTime() - t0) / 1e9;
        BatchOrder order = new BatchOrder(set.size(), 0);
        long start = System.nanoTime();
        try (NDManager manager = NDManager.newBaseManager(device)) {
            for (int b = 0; b < batches; b++) {
                try (NDManager scope = manager.newSubManager()) {
                    List<byte[]> images = new ArrayList<>(batch);
                    for (long i : order.indices(b, batch)) {
                        images.add(set.pixels(i));
                    }
                    NDArray x = ImageTensor.batch(scope, images, channels, resolution);     // [B, C, R, R]
                    x.getShape();
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(set.size(), open, batches, seconds, rssBefore, ProcessMemory.residentMiB());
    }
}
