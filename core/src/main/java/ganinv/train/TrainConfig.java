package ganinv.train;

import ganinv.api.types.LatentDistribution;
import ganinv.api.types.Method;
import ganinv.UserError;
import ganinv.data.DataSpec;
import ganinv.data.Dataset;
import ganinv.data.Subset;
import ganinv.model.NetConfig;
import ganinv.objective.MethodOptions;

import java.io.PrintStream;

/**
 * Everything that determines a training run; saved as {@code config.json} and inside every
 * checkpoint. Validated on construction, so a bad flag fails before any work is done.
 *
 * @param method the training method
 * @param data the {@code --data} spec as the user gave it
 * @param count images to use (shapes: the set's size; other sources: how many of them), or -1 for all
 * @param subset which {@code count} images of a larger finite source are used; absent from the
 *     config.json of runs made before it existed, which used the first N and still do on resume
 * @param steps total training steps (a resumed run continues to this count)
 * @param batch images per step
 * @param latentDist the prior of z
 * @param logEvery steps between metrics.jsonl lines
 * @param sampleEvery steps between sample grids
 * @param checkpointEvery steps between checkpoints
 */
public record TrainConfig(Method method, String data, long count, Subset subset, int steps, int batch, NetConfig net,
                          LatentDistribution latentDist, MethodOptions options, long seed,
                          int logEvery, int sampleEvery, int checkpointEvery) {
    public TrainConfig {
        if (method == null || latentDist == null) {
            throw new UserError("config.json: names no " + (method == null ? "method" : "latentDist") + "; train the run again");
        }
        subset = subset == null ? Subset.FIRST : subset;
        DataSpec.parse(data);
        if (count == 0 || count < -1) {
            throw new UserError("--count " + count + ": must be a positive number of images (omit it for infinite shapes)");
        }
        if (steps < 1) {
            throw new UserError("--steps " + steps + ": must be at least 1");
        }
        if (batch < 1 || batch > 4096) {
            throw new UserError("--batch " + batch + ": must be between 1 and 4096");
        }
        if (logEvery < 1 || sampleEvery < 1 || checkpointEvery < 1) {
            throw new UserError("--log-every, --sample-every and --checkpoint-every must be at least 1");
        }
    }

    public LatentDistribution prior() {
        return latentDist;
    }

    public DataSpec dataSpec() {
        return DataSpec.parse(data);
    }

    /** The training images: the data spec opened at the run's shape, seed, count and subset rule. */
    public Dataset openData(PrintStream warnings) {
        return dataSpec().open(net.channels(), net.resolution(), seed, count, subset, warnings);
    }

    /** The same run with other settings that may change on resume: Adam's step size and the cadences. */
    public TrainConfig withResumable(double learningRate, int newLogEvery, int newSampleEvery, int newCheckpointEvery) {
        return new TrainConfig(method, data, count, subset, steps, batch, net, latentDist,
                options.withLearningRate(learningRate), seed, newLogEvery, newSampleEvery, newCheckpointEvery);
    }

    /** The same run continued to a different total step count. */
    public TrainConfig withSteps(int newSteps) {
        return new TrainConfig(method, data, count, subset, newSteps, batch, net, latentDist, options, seed,
                logEvery, sampleEvery, checkpointEvery);
    }
}
