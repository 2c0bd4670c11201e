package ganinv.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Pieces of a self-contained HTML page: every image is embedded as a data URI. */
public final class Html {
    private Html() {
    }

    public static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title) + "</title>\n"
                + "<style>body{font-family:sans-serif;margin:2em;max-width:1400px}img{image-rendering:pixelated;"
                + "margin:4px;border:1px solid #ccc}table{border-collapse:collapse}td,th{border:1px solid #ccc;"
                + "padding:3px 8px;text-align:right}th{background:#eee}pre{background:#f6f6f6;padding:1em;overflow:auto}"
                + "figure{display:inline-block;margin:0 1em 1em 0}figcaption{font-size:90%;color:#444}</style>"
                + "</head><body>\n<h1>" + escape(title) + "</h1>\n" + body + "\n</body></html>\n";
    }

    public static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** A figure with an embedded PNG and a caption. */
    public static String figure(byte[] png, String caption) {
        return "<figure><img alt=\"" + escape(caption) + "\" src=\"data:image/png;base64,"
                + Base64.getEncoder().encodeToString(png) + "\"><figcaption>" + escape(caption) + "</figcaption></figure>\n";
    }

    public static byte[] png(BufferedImage image) {
        return ganinv.api.ImageFiles.encodePng(image);
    }

    /** A table with one row per map; the columns are the first row's keys. Numbers get 4 significant digits. */
    public static String table(List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            return "<p>(nothing measured)</p>\n";
        }
        StringBuilder sb = new StringBuilder("<table>\n<tr>");
        for (String key : rows.get(0).keySet()) {
            sb.append("<th>").append(escape(key)).append("</th>");
        }
        sb.append("</tr>\n");
        for (Map<String, Object> row : rows) {
            sb.append("<tr>");
            for (String key : rows.get(0).keySet()) {
                sb.append("<td>").append(escape(format(row.get(key)))).append("</td>");
            }
            sb.append("</tr>\n");
        }
        return sb.append("</table>\n").toString();
    }

    static String format(Object v) {
        if (v instanceof Double || v instanceof Float) {
            return String.format(Locale.ROOT, "%.4g", ((Number) v).doubleValue());
        }
        return v == null ? "" : v.toString();
    }
}
