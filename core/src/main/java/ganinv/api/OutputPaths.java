package ganinv.api;

import ganinv.api.types.BadInputException;
import ganinv.train.RunDir;

import java.nio.file.Path;

/** Checks on where a command writes, before it writes anything. */
public final class OutputPaths {
    private OutputPaths() {
    }

    /**
     * Refuses an output inside the files a run owns (its samples/, checkpoints/, encoder/,
     * config.json, metrics.jsonl), which training rewrites and {@code train --force} deletes.
     *
     * @param out the path the command would write
     * @param flag the option that named it, for the message
     * @throws BadInputException naming the run's folder and a place to write instead
     */
    public static void refuseRunOwned(Path out, String flag) {
        Guard.require(out != null, flag + ": null");
        Guard.call(() -> {
            RunDir.ownedPart(out).ifPresent(owned -> {
                Path run = owned.getParent();
                throw new ganinv.UserError(flag + " " + out + ": inside " + owned + ", which the run " + run
                        + " owns (training rewrites it, train --force deletes it); write elsewhere, e.g. "
                        + run.resolve(owned.getFileName() + "-out"));
            });
            return null;
        });
    }
}
