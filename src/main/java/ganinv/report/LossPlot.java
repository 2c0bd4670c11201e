package ganinv.report;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

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
            throw new UncheckedIOException("cannot write " + csv, e);
        }
    }

    /** A 640x400 PNG of the curve against steps 1..N. */
    public static void writePng(double[] values, String title, String yLabel, Path png) {
        double[] steps = new double[values.length];
        for (int t = 0; t < values.length; t++) {
            steps[t] = t + 1;
        }
        XYChart chart = new XYChartBuilder().width(640).height(400).title(title).xAxisTitle("step").yAxisTitle(yLabel)
                .build();
        chart.getStyler().setLegendVisible(false);
        chart.addSeries(yLabel, steps, values).setMarker(SeriesMarkers.NONE);
        try {
            Files.createDirectories(png.toAbsolutePath().getParent());
            BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + png, e);
        }
    }
}
