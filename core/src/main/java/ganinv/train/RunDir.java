package ganinv.train;

import ganinv.FileAccessError;
import ganinv.UserError;
import ganinv.data.JsonFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A run's folder: {@code config.json}, {@code metrics.jsonl}, {@code samples/} (PNG grids),
 * {@code checkpoints/}, and for a gan run its fitted {@code encoder/}, itself laid out the same
 * way. It never overwrites a run unless told to.
 */
public final class RunDir {
    /** The config.json entry listing a run's collapse restarts (absent when there were none). */
    public static final String COLLAPSE_RESTARTS = "collapse_restarts";
    /** config.json's list of settings changed on resume, with the step each changed at. */
    public static final String RESUME_CHANGES = "resume_changes";
    private static final List<String> OWNED = List.of("config.json", "metrics.jsonl", "samples", "checkpoints",
            EncoderFitter.FOLDER);
    private final Path root;

    private RunDir(Path root) {
        this.root = root;
    }

    /**
     * The file or folder of a run that {@code path} lies in or is, when that is one the run owns
     * (config.json, metrics.jsonl, samples/, checkpoints/, encoder/): training rewrites those, and
     * {@code train --force} deletes them. A run is a folder with config.json and checkpoints/; of
     * nested ones (a run's encoder/ is a fitting run), the outermost.
     */
    public static java.util.Optional<Path> ownedPart(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        java.util.Optional<Path> outermost = java.util.Optional.empty();    // a fit's encoder/ is its run's too
        for (Path dir = abs.getParent(); dir != null; dir = dir.getParent()) {
            boolean run = Files.isRegularFile(dir.resolve("config.json")) && Files.isDirectory(dir.resolve("checkpoints"));
            Path first = dir.resolve(dir.relativize(abs).getName(0));
            if (run && OWNED.contains(first.getFileName().toString())) {
                outermost = java.util.Optional.of(first);
            }
        }
        return outermost;
    }

    /** Opens an existing run for reading. */
    public static RunDir existing(Path root) {
        if (!Files.isRegularFile(root.resolve("config.json"))) {
            throw new UserError("--run " + root + ": not a ganinv run (no config.json); give the --out folder of 'ganinv train'");
        }
        return new RunDir(root);
    }

    /**
     * Prepares {@code root} for training. A folder holding a run is refused unless the user
     * resumes it or forces a fresh start; forcing removes only the files a run owns.
     */
    public static RunDir forTraining(Path root, boolean resume, boolean force) {
        boolean hasRun = Files.exists(root.resolve("config.json")) || Files.exists(root.resolve("checkpoints"));
        if (resume) {
            if (!hasRun) {
                throw new UserError("--resume: " + root + " holds no run to resume; drop --resume to start one");
            }
            return new RunDir(root);
        }
        if (hasRun && !force) {
            throw new UserError("--out " + root + ": already holds a run; pass --resume to continue it or --force to replace it");
        }
        try {
            Files.createDirectories(root);
            if (hasRun) {
                for (String name : OWNED) {
                    deleteRecursively(root.resolve(name));
                }
            }
            Files.createDirectories(root.resolve("checkpoints"));
            Files.createDirectories(root.resolve("samples"));
        } catch (IOException e) {
            throw new UserError("--out " + root + ": cannot create the run folder (" + e.getMessage() + ")", e);
        }
        return new RunDir(root);
    }

    private static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }

    public Path root() {
        return root;
    }

    public Path configFile() {
        return root.resolve("config.json");
    }

    public Path metricsFile() {
        return root.resolve("metrics.jsonl");
    }

    public Path checkpoints() {
        return root.resolve("checkpoints");
    }

    public Path sampleGrid(long step) {
        return root.resolve("samples").resolve(String.format("step-%08d.png", step));
    }

    public void writeConfig(Map<String, Object> config) {
        JsonFiles.write(configFile(), config);
    }

    /** The collapse restarts config.json records, oldest first; an empty list when it records none. */
    public List<Map<String, Object>> readCollapseRestarts() {
        return readList(COLLAPSE_RESTARTS);
    }

    /** The settings changed on resume that config.json records, oldest first; empty when none were. */
    public List<Map<String, Object>> readResumeChanges() {
        return readList(RESUME_CHANGES);
    }

    private List<Map<String, Object>> readList(String key) {
        try {
            var node = JsonFiles.MAPPER.readTree(configFile().toFile()).path(key);
            List<Map<String, Object>> entries = new java.util.ArrayList<>();
            for (var r : node) {
                entries.add(JsonFiles.MAPPER.convertValue(r, new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { }));
            }
            return entries;
        } catch (IOException e) {
            throw new UserError(configFile() + ": unreadable run configuration (" + e.getMessage() + ")", e);
        }
    }

    /** Removes what a collapsed attempt wrote (checkpoints, sample grids, metrics), keeping the folders. */
    public void clearForRestart() {
        try {
            for (String name : List.of("checkpoints", "samples", "metrics.jsonl")) {
                deleteRecursively(root.resolve(name));
            }
            Files.createDirectories(checkpoints());
            Files.createDirectories(root.resolve("samples"));
        } catch (IOException e) {
            throw new FileAccessError("cannot clear " + root + " for a restart", e);
        }
    }

    public TrainConfig readConfig() {
        return readConfig(TrainConfig.class);
    }

    /** The {@code "config"} object of config.json as {@code type}; unreadable or invalid is a user error naming the file. */
    public <T> T readConfig(Class<T> type) {
        try {
            return JsonFiles.MAPPER.treeToValue(JsonFiles.MAPPER.readTree(configFile().toFile()).get("config"), type);
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            // Jackson's messages go on with a second "at [Source ...]" line; the error stays one line.
            String why = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            throw new UserError(configFile() + ": unreadable run configuration (" + why + "); was it written by a newer ganinv?", e);
        }
    }

    /** Appends one JSON object as a line; the file is opened per line so that a kill loses at most one. */
    public void appendMetrics(Map<String, Object> line) {
        try {
            Files.writeString(metricsFile(), JsonFiles.line(line) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new FileAccessError("cannot append to " + metricsFile(), e);
        }
    }

    /** Drops metrics lines past {@code step}: a resumed run re-logs them, and duplicates would confuse plots. */
    public void truncateMetricsAfter(long step) {
        if (!Files.exists(metricsFile())) {
            return;
        }
        try {
            List<String> kept = Files.readAllLines(metricsFile()).stream()
                    .filter(l -> !l.isBlank() && stepOf(l) <= step).toList();
            Files.write(metricsFile(), kept);
        } catch (IOException e) {
            throw new FileAccessError("cannot rewrite " + metricsFile(), e);
        }
    }

    private static long stepOf(String line) {
        try {
            return JsonFiles.MAPPER.readTree(line).path("step").asLong(Long.MAX_VALUE);
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }
}
