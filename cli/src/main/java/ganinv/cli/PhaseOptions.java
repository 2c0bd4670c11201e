package ganinv.cli;

import ganinv.api.types.BadInputException;
import picocli.CommandLine.Option;

/** The options every training phase shares ({@code train}, {@code fit-encoder}): a picocli mixin. */
final class PhaseOptions {
    @Option(names = "--log-every", defaultValue = "50", description = "Steps per metrics.jsonl line. Default: ${DEFAULT-VALUE}.")
    int logEvery;

    @Option(names = "--sample-every", defaultValue = "500", description = "Steps per sample grid. Default: ${DEFAULT-VALUE}.")
    int sampleEvery;

    @Option(names = "--checkpoint-every", defaultValue = "500", description = "Steps per checkpoint. Default: ${DEFAULT-VALUE}.")
    int checkpointEvery;

    @Option(names = "--keep-checkpoints", defaultValue = "3",
            description = "How many of the newest checkpoints to keep (older ones are deleted after each save). Default: ${DEFAULT-VALUE}.")
    int keepCheckpoints;

    @Option(names = "--resume", description = "Continue from the newest checkpoint with the saved settings; a flag that"
            + " cannot change mid-run is refused, and what changes is recorded in config.json.")
    boolean resume;

    @Option(names = "--force", description = "Replace what is already there (only the files a run owns are removed).")
    boolean force;

    @Option(names = "--on-nonfinite", defaultValue = "stop",
            description = "When a loss or a weight becomes NaN or infinite: stop (keeping the last good checkpoint) or rollback (resume from it at half the learning rate). Default: ${DEFAULT-VALUE}.")
    String onNonFinite;

    /**
     * With --resume, refuses every typed option but {@code applies} (and --resume itself and the
     * folder) that would change the run: the run keeps its saved settings, and a flag accepted and
     * ignored would mislead. A flag typed with the value the run was made with is accepted, so that
     * the command that started a run, with --resume added, continues it.
     *
     * @param folderFlag the option naming the run (--out, --run), always allowed
     * @param savedAt where config.json's {@code config} holds what each other flag sets (a JSON
     *     pointer; "!" before it: the flag sets the opposite boolean); a flag not in it is refused
     * @param configFile the run's config.json
     */
    void refuseOnResume(picocli.CommandLine.Model.CommandSpec spec, String folderFlag, java.util.List<String> applies,
                        java.util.Map<String, String> savedAt, java.nio.file.Path configFile) {
        if (!resume) {
            return;
        }
        com.fasterxml.jackson.databind.JsonNode saved = null;
        for (picocli.CommandLine.Model.OptionSpec o : spec.commandLine().getParseResult().matchedOptions()) {
            String flag = o.longestName();
            if (flag.equals("--resume") || flag.equals(folderFlag) || applies.contains(flag)) {
                continue;
            }
            if (savedAt.containsKey(flag)) {
                if (saved == null) {
                    saved = readConfig(configFile);
                }
                String at = savedAt.get(flag);
                boolean opposite = at.startsWith("!");
                com.fasterxml.jackson.databind.JsonNode v = saved.at("/config" + (opposite ? at.substring(1) : at));
                if (!v.isMissingNode() && sameValue(v, o.getValue(), opposite)) {
                    continue;
                }
                throw new BadInputException(flag + " " + o.getValue() + ": the run was made with " + (v.isMissingNode() ? "none"
                        : opposite ? !v.asBoolean() : v.asText()) + " and a resumed run keeps it; with --resume only "
                        + String.join(", ", applies) + " may change (start a new run to change " + flag + ")", null);
            }
            throw new BadInputException(flag + ": a resumed run keeps its saved setting; with --resume only "
                    + String.join(", ", applies) + " apply (start a new run to change " + flag + ")", null);
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode readConfig(java.nio.file.Path file) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(file.toFile());
        } catch (java.io.IOException e) {
            // no readable run: the resume itself says what is wrong with the folder
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
    }

    private static boolean sameValue(com.fasterxml.jackson.databind.JsonNode saved, Object typed, boolean opposite) {
        if (opposite) {
            return saved.isBoolean() && saved.asBoolean() == !Boolean.TRUE.equals(typed);
        }
        if (saved.isNumber()) {
            try {
                return Double.parseDouble(String.valueOf(typed)) == saved.asDouble();
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return saved.asText().equals(String.valueOf(typed));
    }
}
