package ganinv.cli;

import ganinv.api.BadInputException;
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
     * folder): the run keeps its saved settings, and a flag accepted and ignored would mislead.
     *
     * @param folderFlag the option naming the run (--out, --run), always allowed
     */
    void refuseOnResume(picocli.CommandLine.Model.CommandSpec spec, String folderFlag, java.util.List<String> applies) {
        if (!resume) {
            return;
        }
        for (picocli.CommandLine.Model.OptionSpec o : spec.commandLine().getParseResult().matchedOptions()) {
            String flag = o.longestName();
            if (!flag.equals("--resume") && !flag.equals(folderFlag) && !applies.contains(flag)) {
                throw new BadInputException(flag + ": a resumed run keeps its saved setting; with --resume only "
                        + String.join(", ", applies) + " apply (start a new run to change " + flag + ")", null);
            }
        }
    }
}
