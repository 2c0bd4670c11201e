package ganinv.cli;

import ganinv.api.OutputPaths;
import ganinv.api.types.BadInputException;
import ganinv.api.GanRun;
import ganinv.api.ImageFiles;
import ganinv.api.NpyFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.awt.image.BufferedImage;
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
        OutputPaths.refuseRunOwned(out, "--out");
        if (count < 1) {
            throw new BadInputException("--count " + count + ": must be at least 1", null);
        }
        try (GanRun gan = generator.open(run, device)) {
            float[][] codes = gan.sampleCodes(count, seed);
            List<BufferedImage> images = gan.render(codes);
            for (int i = 0; i < count; i++) {
                ImageFiles.writePng(images.get(i), out.resolve(String.format("sample-%05d.png", i)));
            }
            ImageFiles.writeGrid(images, (int) Math.ceil(Math.sqrt(count)), out.resolve("grid.png"));
            NpyFiles.write(out.resolve("latents.npy"), codes);
            System.out.println("wrote " + count + " samples of " + run + " (step " + gan.step() + ", " + gan.generator()
                    + ") to " + out + "; grid: " + out.resolve("grid.png"));
        }
        return 0;
    }
}
