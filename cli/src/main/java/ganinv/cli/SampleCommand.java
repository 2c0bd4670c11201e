package ganinv.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ganinv.UserError;
import ganinv.data.ImageCodec;
import ganinv.data.ImageTensor;
import ganinv.data.Npy;
import ganinv.model.NetConfig;
import ganinv.data.ImageGrid;
import ganinv.train.Rng;
import ganinv.train.TrainedRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ganinv sample}: images from a trained generator. */
@Command(name = "sample", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Draw images from a trained run: one PNG each, a grid.png, and their latents as latents.npy.",
        footer = {"", "Example:", "  ./ganinv sample --run runs/lr --count 64 --out runs/lr/samples-64"})
public final class SampleCommand extends RunCommand implements Callable<Integer> {
    @Option(names = "--count", defaultValue = "64", description = "How many images. Default: ${DEFAULT-VALUE}.")
    int count;

    @Option(names = "--out", required = true, description = "Folder for the PNGs, grid.png and latents.npy.")
    Path out;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the latents. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Mixin
    GeneratorOption generator;

    @Override
    public Integer call() {
        if (count < 1) {
            throw new UserError("--count " + count + ": must be at least 1");
        }
        try (TrainedRun trained = TrainedRun.load(run)) {
            generator.apply(trained);
            NetConfig net = trained.method().net();
            float[] z = trained.method().prior().sample(new Rng(seed), count, net.latentDim());
            List<byte[]> images = new java.util.ArrayList<>();
            for (int from = 0; from < count; from += 64) {
                int n = Math.min(64, count - from);
                float[] chunk = java.util.Arrays.copyOfRange(z, from * net.latentDim(), (from + n) * net.latentDim());
                try (NDManager scope = trained.manager().newSubManager()) {
                    NDArray x = trained.method().generate(scope.create(chunk, new Shape(n, net.latentDim())));
                    images.addAll(ImageTensor.images(x));
                }
            }
            for (int i = 0; i < count; i++) {
                ImageCodec.writePng(images.get(i), net.channels(), net.resolution(), net.resolution(),
                        out.resolve(String.format("sample-%05d.png", i)));
            }
            ImageGrid.write(images, net.channels(), net.resolution(), (int) Math.ceil(Math.sqrt(count)), out.resolve("grid.png"));
            Npy.write(out.resolve("latents.npy"), new Npy.Matrix(count, net.latentDim(), z));
            System.out.println("wrote " + count + " samples of " + run + " (step " + trained.step() + ", " + trained.method().sampler().name() + ") to " + out
                    + "; grid: " + out.resolve("grid.png"));
        }
        return 0;
    }
}
