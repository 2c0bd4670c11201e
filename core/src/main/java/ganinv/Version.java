package ganinv;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The ganinv version and the git commit it was built from, recorded in every run for provenance. */
public final class Version {
    private static final Properties BUILD = load("/ganinv-build.properties");
    private static final Properties GIT = load("/git.properties");

    private Version() {
    }

    public static String version() {
        return BUILD.getProperty("version", "unknown");
    }

    /** The commit id, with "-dirty" when the tree had uncommitted changes; "unknown" outside git. */
    public static String gitCommit() {
        String id = GIT.getProperty("git.commit.id", GIT.getProperty("git.commit.id.full", "unknown"));
        return "true".equals(GIT.getProperty("git.dirty")) ? id + "-dirty" : id;
    }

    private static Properties load(String resource) {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream(resource)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // Provenance is best effort: a missing file leaves "unknown", never a failed run.
        }
        return p;
    }
}
