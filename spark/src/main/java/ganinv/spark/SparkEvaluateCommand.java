package ganinv.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import ganinv.api.Evaluation;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code ganinv spark evaluate}: evaluate's JSON with the real side measured by executors. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure a run on every PNG/JPEG under --images (any Spark path) and as many generated images:",
                "the JSON of 'ganinv evaluate' (fallback features, or --classifier's), the real side computed and reduced by Spark.",
                "Class subfolders give the probes' labels, as in 'evaluate'."},
        footer = {"", "Example:", "  ./ganinv spark evaluate --run runs/dls --images /data/photos --json eval.json"})
public final class SparkEvaluateCommand implements Callable<Integer> {
    @Option(names = "--run", required = true, description = "A run folder made by 'ganinv train'.")
    Path run;

    @Option(names = "--images", required = true, description = "Any path Spark reads.")
    String images;

    @Option(names = "--json", required = true, description = "The JSON file to write.")
    Path json;

    @Option(names = "--seed", defaultValue = "1000003", description = "Seed of the generated latents (evaluate's default). Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--partitions", defaultValue = "0", description = "Measure the images in this many blocks (0: as Spark lists them). Default: ${DEFAULT-VALUE}.")
    int partitions;

    @Option(names = "--classifier", description = "A 'ganinv train-classifier' file: fid/kid over its features and the class"
            + " figures, as 'evaluate --classifier'. Default: the fallback features.")
    Path classifier;

    @Option(names = "--max-pixels", defaultValue = "50000000", description = "Images whose header claims more pixels"
            + " (width x height) are skipped as unreadable, undecoded. Default: ${DEFAULT-VALUE}.")
    long maxPixels;

    @Option(names = "--encoder", description = "trained or fitted: the encoder measured. Default: fitted when the run has"
            + " one for its current generator, else trained.")
    String encoder;

    @Option(names = "--master", description = "Spark master, e.g. local[2] (default: spark-submit's, or local[*]).")
    String master;

    @Override
    public Integer call() throws Exception {
        if (maxPixels < 1) {
            throw new ganinv.api.types.BadInputException("--max-pixels " + maxPixels + ": must be at least 1", null);
        }
        SparkSession spark = SparkMain.session(master, "ganinv spark evaluate");
        try {
            Evaluation e = SparkEvaluate.run(spark, new SparkEvaluate.Request(run, images, seed, partitions, classifier,
                    maxPixels, encoder == null ? null : ganinv.api.types.EncoderChoice.parse(encoder)));
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), e.json());
            System.out.printf(java.util.Locale.ROOT, "%d images: fid %.4g  kid %.4g  psnr_real %.4g  ssim_real %.4g%nwritten to %s%n",
                    e.count(), e.fid(), e.kid(), e.psnrReal(), e.ssimReal(), json);
        } finally {
            spark.stop();
        }
        return 0;
    }
}
