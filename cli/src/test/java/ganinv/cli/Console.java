package ganinv.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;

/** Runs commands in this JVM as a user would, with System.out and System.err captured until closed. */
final class Console implements AutoCloseable {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream oldOut = System.out;
    private final PrintStream oldErr = System.err;

    Console() {
        System.setOut(new PrintStream(out, true));
        System.setErr(new PrintStream(err, true));
    }

    /** The exit code; what the command printed is in {@link #out} and {@link #err}, reset first. */
    int run(String... args) {
        out.reset();
        err.reset();
        var cl = Main.commandLine();
        cl.setOut(new PrintWriter(System.out, true));
        cl.setErr(new PrintWriter(System.err, true));
        return cl.execute(args);
    }

    /**
     * {@code defaults} (flag-value pairs, or "--flag=value") less those that {@code given} sets
     * again, followed by {@code given}: a flag given twice is refused, so a test's own value replaces the default.
     */
    static java.util.List<String> withDefaults(String[] defaults, String... given) {
        java.util.Set<String> set = new java.util.HashSet<>();
        for (String a : given) {
            if (a.startsWith("--")) {
                set.add(a.contains("=") ? a.substring(0, a.indexOf('=')) : a);
            }
        }
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < defaults.length; i++) {
            String flag = defaults[i].contains("=") ? defaults[i].substring(0, defaults[i].indexOf('=')) : defaults[i];
            boolean paired = !defaults[i].contains("=") && i + 1 < defaults.length && !defaults[i + 1].startsWith("--");
            if (!set.contains(flag)) {
                out.add(defaults[i]);
                if (paired) {
                    out.add(defaults[i + 1]);
                }
            }
            if (paired) {
                i++;
            }
        }
        out.addAll(java.util.List.of(given));
        return out;
    }

    @Override
    public void close() {
        System.setOut(oldOut);
        System.setErr(oldErr);
    }
}
