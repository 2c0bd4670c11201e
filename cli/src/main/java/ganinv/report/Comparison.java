package ganinv.report;

import ganinv.api.JsonFiles;
import ganinv.api.FileAccessException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** comparison.json, comparison.md and comparison.html for a set of runs measured alike. */
public final class Comparison {
    /** The columns of the table, in order; a run without a measure leaves its cell empty. */
    public static final List<String> COLUMNS = List.of("fid", "kid", "classes_covered", "class_kl",
            "class_kept_encoder", "class_kept_hybrid", "encoder_loss", "latent_mse", "psnr_generated", "ssim_generated",
            "psnr_real", "ssim_real", "psnr_hybrid", "latent_entropy", "probe_accuracy", "probe_1nn_accuracy", "probe_chance",
            "probe_classes", "probe_train_size", "probe_test_size", "seconds");

    private Comparison() {
    }

    /**
     * @param head what was compared (data, steps, seed, features)
     * @param rows one per configuration: "configuration" plus the measures
     * @param runs the run folder of each configuration, for its training curves
     */
    public static void write(Path dir, Map<String, Object> head, List<Map<String, Object>> rows, Map<String, Path> runs) {
        Map<String, Object> json = new LinkedHashMap<>(head);
        json.put("rows", rows);
        JsonFiles.write(dir.resolve("comparison.json"), json);
        write(dir.resolve("comparison.md"), markdown(head, rows));
        write(dir.resolve("comparison.html"), html(head, rows, runs));
    }

    static String markdown(Map<String, Object> head, List<Map<String, Object>> rows) {
        StringBuilder sb = new StringBuilder("# ganinv compare\n\n");
        head.forEach((k, v) -> sb.append("- ").append(k).append(": ").append(v).append('\n'));
        sb.append("\n| configuration |");
        COLUMNS.forEach(c -> sb.append(' ').append(c).append(" |"));
        sb.append("\n|---|");
        COLUMNS.forEach(c -> sb.append("---|"));
        sb.append('\n');
        for (Map<String, Object> row : rows) {
            sb.append("| ").append(row.get("configuration")).append(" |");
            for (String c : COLUMNS) {
                sb.append(' ').append(Html.format(row.get(c))).append(" |");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    static String html(Map<String, Object> head, List<Map<String, Object>> rows, Map<String, Path> runs) {
        StringBuilder body = new StringBuilder("<ul>");
        head.forEach((k, v) -> body.append("<li>").append(Html.escape(k)).append(": ").append(Html.escape(String.valueOf(v)))
                .append("</li>"));
        body.append("</ul>\n<h2>Measures</h2>\n");
        List<Map<String, Object>> table = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            Map<String, Object> cells = new LinkedHashMap<>();
            cells.put("configuration", row.get("configuration"));
            COLUMNS.forEach(c -> cells.put(c, row.get(c)));
            table.add(cells);
        }
        body.append(Html.table(table)).append("<h2>Training curves</h2>\n");
        Map<String, Map<String, double[][]>> byMetric = new LinkedHashMap<>();
        runs.forEach((name, run) -> MetricSeries.read(run.resolve("metrics.jsonl"))
                .forEach((metric, xy) -> byMetric.computeIfAbsent(metric, k -> new LinkedHashMap<>()).put(name, xy)));
        Set<String> metrics = new LinkedHashSet<>(byMetric.keySet());
        for (String metric : metrics) {
            body.append(Html.figure(Charts.lines(metric, metric, byMetric.get(metric)), metric));
        }
        return Html.page("ganinv compare", body.toString());
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw FileAccessException.of("cannot write " + file, e);
        }
    }
}
