package ganinv.report;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Line charts as PNG bytes (XChart), one or several series against the step. */
public final class Charts {
    private Charts() {
    }

    /**
     * @param series by legend name: {steps, values}, two arrays of equal length
     * @return a 640x400 PNG
     */
    public static byte[] lines(String title, String yLabel, Map<String, double[][]> series) {
        XYChart chart = new XYChartBuilder().width(640).height(400).title(title).xAxisTitle("step").yAxisTitle(yLabel)
                .build();
        chart.getStyler().setLegendVisible(series.size() > 1);
        series.forEach((name, xy) -> chart.addSeries(name, xy[0], xy[1]).setMarker(SeriesMarkers.NONE));
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw the chart " + title, e);
        }
    }
}
