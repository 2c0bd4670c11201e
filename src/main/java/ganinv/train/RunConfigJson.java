package ganinv.train;

import ganinv.Version;
import ganinv.data.Dataset;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The content of a run's {@code config.json}: the config plus provenance (version, commit, data). */
final class RunConfigJson {
    private RunConfigJson() {
    }

    static Map<String, Object> of(TrainConfig cfg, Dataset data) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("config", cfg);
        json.put("ganinv_version", Version.version());
        json.put("git_commit", Version.gitCommit());
        json.put("data_description", data.describe());
        json.put("created", Instant.now().toString());
        json.put("java", System.getProperty("java.version"));
        return json;
    }
}
