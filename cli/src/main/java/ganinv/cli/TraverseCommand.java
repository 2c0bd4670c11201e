package ganinv.cli;

import ganinv.api.OutputPaths;
import ganinv.api.types.BadInputException;
import ganinv.api.Edits;
import ganinv.api.ElementRanking;
import ganinv.api.GanRun;
import ganinv.api.ImageFiles;
import ganinv.api.InvertSettings;
import ganinv.api.JsonFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code ganinv traverse}: a grid varying the most important latent elements one at a time. */
@Command(name = "traverse", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Vary the K most important latent elements, one per row, from -range to +range around a sampled "
                + "code or the code of --image. Elements are ranked by the latent scale s (dlsgan) or by the "
                + "variance of E(G(z)) over 256 samples (other methods); the ranking used is printed and saved "
                + "beside the grid as JSON (same name, .json).",
        footer = {"", "Example:", "  ./ganinv traverse --run runs/dls --elements 8 --range 2 --steps 9 --out traverse.png",
                "  ./ganinv traverse --run runs/dls --image face.png --elements 4 --out face-traverse.png"})
public final class TraverseCommand extends RunCommand implements Callable<Integer> {
    @Option(names = "--image", description = "Start from this image's code (via the encoder) instead of a sampled one.")
    Path image;

    @Option(names = "--elements", defaultValue = "8", description = "How many elements (rows). Default: ${DEFAULT-VALUE}.")
    int elements;

    @Option(names = "--range", defaultValue = "2", description = "Each element goes from -range to +range. Default: ${DEFAULT-VALUE}.")
    double range;

    @Option(names = "--steps", defaultValue = "9", description = "Values per element (columns). Default: ${DEFAULT-VALUE}.")
    int steps;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the sampled code and of the ranking samples. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--out", required = true, description = "The PNG grid to write.")
    Path out;

    @Mixin
    GeneratorOption generator;

    @Mixin
    EncoderOption encoder;

    @Override
    public Integer call() {
        OutputPaths.refuseRunOwned(out, "--out");
        if (elements < 1) {
            throw new BadInputException("--elements " + elements + ": must be at least 1", null);
        }
        if (steps < 1 || steps > 64) {
            throw new BadInputException("--steps " + steps + ": must be between 1 and 64", null);
        }
        if (!(range > 0) || Double.isInfinite(range)) {
            throw new BadInputException("--range " + range + ": must be a positive number", null);
        }
        try (GanRun gan = generator.open(run, device, encoder.choice())) {
            float[] base = image != null ? gan.invertFiles(List.of(image), InvertSettings.encoder(), null)[0]
                    : gan.sampleCodes(1, seed)[0];
            ElementRanking ranking = gan.rankElements(seed);
            int[] top = ranking.top(elements);
            float[] values = Edits.traversalValues(range, steps);
            ImageFiles.writeGrid(gan.traverse(base, top, values), steps, out);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("run", run.toString());
            json.put("step", gan.step());
            json.put("generator", gan.generator().toString());
            json.put("start", image != null ? image.toString() : "sampled, seed " + seed);
            json.put("ranked_by", ranking.rankedBy());
            double[] scores = ranking.scores();
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int e : top) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("element", e);
                row.put("score", scores[e]);
                rows.add(row);
            }
            json.put("rows", rows);
            json.put("values", values);
            Path sidecar = out.resolveSibling(out.getFileName().toString().replaceFirst("\\.png$", "") + ".json");
            JsonFiles.write(sidecar, json);
            StringBuilder listed = new StringBuilder();
            for (int e : top) {
                listed.append(String.format(Locale.ROOT, " %d (%.3g)", e, scores[e]));
            }
            System.out.println("ranked by " + ranking.rankedBy() + "; rows are elements" + listed);
            System.out.println("grid: " + out + "  (" + top.length + " rows x " + steps + " values from " + -range + " to "
                    + range + ")  ranking: " + sidecar);
        }
        return 0;
    }
}
