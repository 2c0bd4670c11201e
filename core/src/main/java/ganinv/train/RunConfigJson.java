package ganinv.train;

import ganinv.Version;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The content of a phase's {@code config.json}: its config plus provenance (version, commit, source). */
final class RunConfigJson {
    private RunConfigJson() {
    }

    /** @param source what the phase learnt from: the data's description, or the generator it inverts */
    static Map<String, Object> of(Object cfg, String source) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("config", cfg);
        json.put("ganinv_version", Version.version());
        json.put("git_commit", Version.gitCommit());
        json.put("data_description", source);
        json.put("created", Instant.now().toString());
        json.put("java", System.getProperty("java.version"));
        return json;
    }
}
