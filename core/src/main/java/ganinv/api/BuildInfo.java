package ganinv.api;

/** Which ganinv this is: what every run's config.json and checkpoint record as provenance. */
public final class BuildInfo {
    private BuildInfo() {
    }

    /** @return the release, e.g. 0.1.0 */
    public static String version() {
        return ganinv.Version.version();
    }

    /** @return the git commit the library was built from ("unknown" outside a checkout) */
    public static String gitCommit() {
        return ganinv.Version.gitCommit();
    }
}
