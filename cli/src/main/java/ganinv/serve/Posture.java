package ganinv.serve;

import io.javalin.http.Context;

import java.net.InetAddress;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * What a request must show before a handler sees it. The page has no login, so the server
 * refuses what a hostile web page in the user's own browser could send:
 * <ul>
 *   <li>on a loopback bind, a Host that is not a loopback name (403): a DNS-rebinding page
 *       reaches 127.0.0.1 under its own name and could read {@code /api/run};</li>
 *   <li>a POST or DELETE whose Origin is another site (403): a cross-site form can post
 *       multipart without a preflight;</li>
 *   <li>a JSON endpoint's body sent as anything but {@code application/json} (415): a
 *       cross-site form cannot send that type without a preflight that this server never grants.</li>
 * </ul>
 */
final class Posture {
    static final Set<String> JSON_ENDPOINTS = Set.of("/api/render", "/api/interpolate", "/api/sample");
    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private final boolean loopbackOnly;

    Posture(String host) {
        this.loopbackOnly = isLoopback(host);
    }

    void check(Context ctx) {
        String host = hostName(ctx.header("Host"));
        if (loopbackOnly && (host == null || !LOOPBACK_NAMES.contains(host))) {
            throw new HttpError(403, "Host " + ctx.header("Host") + ": this server answers only to localhost or 127.0.0.1");
        }
        String method = ctx.method().name();
        if (method.equals("POST") || method.equals("DELETE") || method.equals("PUT")) {
            String origin = ctx.header("Origin");
            if (origin != null && !sameOrigin(origin, ctx.header("Host"))) {
                throw new HttpError(403, "Origin " + origin + ": requests from other sites are refused");
            }
        }
        if (method.equals("POST") && JSON_ENDPOINTS.contains(ctx.path())) {
            String type = ctx.contentType();
            if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
                throw new HttpError(415, ctx.path() + ": send the body as Content-Type application/json");
            }
        }
    }

    private static boolean sameOrigin(String origin, String hostHeader) {
        try {
            URI o = URI.create(origin);
            return hostHeader != null && o.getRawAuthority() != null && o.getRawAuthority().equalsIgnoreCase(hostHeader);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** "localhost:8080" -> "localhost", "[::1]:80" -> "[::1]"; null when absent. */
    static String hostName(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String h = header.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(0, end + 1);
        }
        int colon = h.indexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
