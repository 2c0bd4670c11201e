package ganinv.report;

import ganinv.api.JsonFiles;
import com.fasterxml.jackson.databind.JsonNode;
import ganinv.api.FileAccessException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The series of a metrics.jsonl: every numeric key but {@code step}, against the step. */
public final class MetricSeries {
    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = new com.fasterxml.jackson.databind.ObjectMapper();
    private MetricSeries() {
    }

    /** @return by key: {steps, values}; keys in the order they first appear */
    public static Map<String, double[][]> read(Path jsonl) {
        Map<String, List<double[]>> points = new LinkedHashMap<>();
        try {
            if (!Files.exists(jsonl)) {
                return Map.of();
            }
            for (String line : Files.readAllLines(jsonl)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = MAPPER.readTree(line);
                double step = node.path("step").asDouble();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (!e.getKey().equals("step") && e.getValue().isNumber()) {
                        points.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(new double[] {step, e.getValue().asDouble()});
                    }
                }
            }
        } catch (IOException e) {
            throw FileAccessException.of("cannot read " + jsonl, e);
        }
        Map<String, double[][]> out = new LinkedHashMap<>();
        points.forEach((k, list) -> {
            double[][] xy = new double[2][list.size()];
            for (int i = 0; i < list.size(); i++) {
                xy[0][i] = list.get(i)[0];
                xy[1][i] = list.get(i)[1];
            }
            out.put(k, xy);
        });
        return out;
    }
}
