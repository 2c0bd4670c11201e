package ganinv.report;

import ganinv.data.ImageGrid;
import ganinv.FileAccessError;
import ganinv.edit.Traversal;
import ganinv.invert.EncoderInverter;
import ganinv.invert.Inversion;
import ganinv.model.NetConfig;
import ganinv.objective.GanMethod;
import ganinv.train.Rng;
import ganinv.train.TrainedRun;

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
     * @param real real images to reconstruct (the first 32 are shown)
     * @param evaluation the measurements of {@code ganinv evaluate}, shown as a table
     * @return the written file
     */
    public static Path write(TrainedRun run, boolean hasEncoder, List<byte[]> real, Map<String, Object> evaluation) {
        GanMethod method = run.method();
        NetConfig net = method.net();
        StringBuilder body = new StringBuilder();
        body.append("<p>").append(Html.escape(method.name())).append(" at step ").append(run.step()).append(", images by ").append(Html.escape(method.sampler().name())).append(", run folder <code>")
                .append(Html.escape(run.dir().root().toString())).append("</code></p>\n");
        body.append("<h2>Evaluation</h2>\n").append(Html.table(keyValueRows(evaluation)));
        body.append("<h2>Samples</h2>\n");
        newestSampleGrid(run.dir().root()).ifPresent(p -> body.append(Html.figure(read(p), "G at 64 fixed latents: " + p.getFileName())));
        if (hasEncoder) {
            List<byte[]> shown = real.subList(0, Math.min(32, real.size()));
            Inversion inv = new EncoderInverter(method, run.manager(), 64).invert(shown);
            List<byte[]> tiles = new ArrayList<>();
            for (int i = 0; i < shown.size(); i++) {
                tiles.add(shown.get(i));
                tiles.add(inv.reconstructions().get(i));
            }
            body.append("<h2>Reconstructions</h2>\n").append(Html.figure(grid(tiles, net, 16),
                    "real image | G(E(x)), " + shown.size() + " held-out images, encoder"));
        }
        Traversal.Ranking ranking = Traversal.rank(method, run.manager(), 0);
        if (hasEncoder || ranking.rankedBy().startsWith("latent scale")) {
            int[] top = ranking.top(8);
            List<byte[]> cells = Traversal.render(method, run.manager(), method.prior().sample(new Rng(0), 1, net.latentDim()),
                    top, Traversal.values(2, 9));
            body.append("<h2>Traversal</h2>\n").append(Html.figure(grid(cells, net, 9),
                    "rows: the " + top.length + " most important elements, ranked by " + ranking.rankedBy() + "; -2 to 2"));
        }
        body.append("<h2>Training curves</h2>\n");
        MetricSeries.read(run.dir().metricsFile()).forEach((key, xy) ->
                body.append(Html.figure(Charts.lines(key, key, Map.of(key, xy)), key)));
        body.append("<h2>Configuration</h2>\n<pre>").append(Html.escape(readText(run.dir().configFile()))).append("</pre>\n");
        Path file = run.dir().root().resolve("report.html");
        try {
            Files.writeString(file, Html.page("ganinv report: " + run.dir().root(), body.toString()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new FileAccessError("cannot write " + file, e);
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

    private static byte[] grid(List<byte[]> tiles, NetConfig net, int columns) {
        int scale = Math.max(1, 64 / net.resolution());
        return Html.png(ImageGrid.compose(tiles, net.channels(), net.resolution(), net.resolution(), columns, scale));
    }

    private static java.util.Optional<Path> newestSampleGrid(Path root) {
        Path samples = root.resolve("samples");
        if (!Files.isDirectory(samples)) {
            return java.util.Optional.empty();
        }
        try (Stream<Path> s = Files.list(samples)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".png")).max(Path::compareTo);
        } catch (IOException e) {
            throw new FileAccessError("cannot list " + samples, e);
        }
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new FileAccessError("cannot read " + p, e);
        }
    }

    private static String readText(Path p) {
        return new String(read(p), StandardCharsets.UTF_8);
    }
}
