package ganinv.cli;

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

    @Option(names = "--resume", description = "Continue from the newest checkpoint with the saved settings; only --steps may change.")
    boolean resume;

    @Option(names = "--force", description = "Replace what is already there (only the files a run owns are removed).")
    boolean force;

    @Option(names = "--on-nonfinite", defaultValue = "stop",
            description = "When a loss or a weight becomes NaN or infinite: stop (keeping the last good checkpoint) or rollback (resume from it at half the learning rate). Default: ${DEFAULT-VALUE}.")
    String onNonFinite;
}
