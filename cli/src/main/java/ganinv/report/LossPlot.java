package ganinv.report;

import ganinv.api.FileAccessException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** A loss curve as {@code loss.csv} (step, value) and a PNG line plot. */
public final class LossPlot {
    private LossPlot() {
    }

    /** Writes {@code values[t]} as step t + 1 to {@code csv} (header {@code step,<name>}). */
    public static void writeCsv(double[] values, String name, Path csv) {
        StringBuilder sb = new StringBuilder("step,").append(name).append('\n');
        for (int t = 0; t < values.length; t++) {
            sb.append(t + 1).append(',').append(String.format(Locale.ROOT, "%.8g", values[t])).append('\n');
        }
        try {
            Files.createDirectories(csv.toAbsolutePath().getParent());
            Files.writeString(csv, sb, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw FileAccessException.of("cannot write " + csv, e);
        }
    }

    /** A 640x400 PNG of the curve against steps 1..N. */
    public static void writePng(double[] values, String title, String yLabel, Path png) {
        double[] steps = new double[values.length];
        for (int t = 0; t < values.length; t++) {
            steps[t] = t + 1;
        }
        try {
            Files.createDirectories(png.toAbsolutePath().getParent());
            Files.write(png, Charts.lines(title, yLabel, Map.of(yLabel, new double[][] {steps, values})));
        } catch (IOException e) {
            throw FileAccessException.of("cannot write " + png, e);
        }
    }
}
