package ganinv.report;

import ganinv.api.Edits;
import ganinv.api.ElementRanking;
import ganinv.api.Evaluation;
import ganinv.api.FileAccessException;
import ganinv.api.FittedImages;
import ganinv.api.GanRun;
import ganinv.api.ImageFiles;
import ganinv.api.InvertSettings;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code RUN/report.html}, one self-contained page: the configuration, the newest sample grid,
 * reconstructions of real images, a traversal of the most important latent elements, every
 * series of metrics.jsonl plotted, and the evaluation table.
 */
public final class RunReport {
    private RunReport() {
    }

    /**
     * @param gan the run
     * @param evaluation its measurements, shown as a table
     * @param real the real images measured (the first 32 are reconstructed)
     * @return the written file
     */
    public static Path write(GanRun gan, Evaluation evaluation, FittedImages real) {
        return write(gan, null, evaluation, real);
    }

    /**
     * As {@link #write(GanRun, Evaluation, FittedImages)}, with the reconstructions of {@code other}
     * (the same run inverting with its other encoder) beside {@code gan}'s; null shows one encoder.
     */
    public static Path write(GanRun gan, GanRun other, Evaluation evaluation, FittedImages real) {
        Path root = gan.folder();
        StringBuilder body = new StringBuilder();
        body.append("<p>").append(Html.escape(gan.method().toString())).append(" at step ").append(gan.step())
                .append(", images by ").append(Html.escape(gan.generator().toString())).append(", run folder <code>")
                .append(Html.escape(root.toString())).append("</code></p>\n");
        body.append("<h2>Evaluation</h2>\n").append(Html.table(keyValueRows(evaluation.json())));
        body.append("<h2>Samples</h2>\n");
        newestSampleGrid(root).ifPresent(p -> body.append(Html.figure(read(p), "G at 64 fixed latents: " + p.getFileName())));
        boolean hasEncoder = gan.hasEncoder();
        if (hasEncoder) {
            List<BufferedImage> shown = real.images().subList(0, Math.min(32, real.size()));
            List<GanRun> encoders = other == null ? List.of(gan) : List.of(other, gan);
            List<List<BufferedImage>> rebuilt = new ArrayList<>();
            for (GanRun e : encoders) {
                rebuilt.add(e.render(e.invert(shown, InvertSettings.encoder())));
            }
            List<BufferedImage> tiles = new ArrayList<>();
            for (int i = 0; i < shown.size(); i++) {
                tiles.add(shown.get(i));
                for (List<BufferedImage> r : rebuilt) {
                    tiles.add(r.get(i));
                }
            }
            String columns = encoders.stream().map(e -> "G(E(x)) by the " + e.encoder() + " encoder")
                    .collect(java.util.stream.Collectors.joining(" | "));
            body.append("<h2>Reconstructions</h2>\n").append(Html.figure(grid(tiles, 8 * (1 + encoders.size())),
                    "real image | " + columns + ", " + shown.size() + " held-out images"));
        }
        if (hasEncoder) {                 // DLSGAN always has one; the others rank by their encoder
            ElementRanking ranking = gan.rankElements(0);
            int[] top = ranking.top(8);
            List<BufferedImage> cells = gan.traverse(gan.sampleCodes(1, 0)[0], top, Edits.traversalValues(2, 9));
            body.append("<h2>Traversal</h2>\n").append(Html.figure(grid(cells, 9),
                    "rows: the " + top.length + " most important elements, ranked by " + ranking.rankedBy() + "; -2 to 2"));
        }
        body.append("<h2>Training curves</h2>\n");
        MetricSeries.read(root.resolve("metrics.jsonl")).forEach((key, xy) ->
                body.append(Html.figure(Charts.lines(key, key, Map.of(key, xy)), key)));
        body.append("<h2>Configuration</h2>\n<pre>").append(Html.escape(readText(root.resolve("config.json")))).append("</pre>\n");
        Path file = root.resolve("report.html");
        try {
            Files.writeString(file, Html.page("ganinv report: " + root, body.toString()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw FileAccessException.of("cannot write " + file, e);
        }
        return file;
    }

    static List<Map<String, Object>> keyValueRows(Map<String, Object> values) {
        List<Map<String, Object>> rows = new ArrayList<>();
        values.forEach((k, v) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("measure", k);
            row.put("value", v);
            rows.add(row);
        });
        return rows;
    }

    private static byte[] grid(List<BufferedImage> tiles, int columns) {
        return Html.png(ImageFiles.grid(tiles, columns));
    }

    private static java.util.Optional<Path> newestSampleGrid(Path root) {
        Path samples = root.resolve("samples");
        if (!Files.isDirectory(samples)) {
            return java.util.Optional.empty();
        }
        try (Stream<Path> s = Files.list(samples)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".png")).max(Path::compareTo);
        } catch (IOException e) {
            throw FileAccessException.of("cannot list " + samples, e);
        }
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw FileAccessException.of("cannot read " + p, e);
        }
    }

    private static String readText(Path p) {
        return new String(read(p), StandardCharsets.UTF_8);
    }
}
