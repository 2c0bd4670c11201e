package ganinv.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import ganinv.api.types.BadInputException;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code ganinv spark invert}: a folder (any Spark path) of images to Parquet latents. */
@Command(name = "invert", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Invert every PNG/JPEG under --images (recursively) with a ganinv run and write Parquet to --out:",
                "path, latent (array<float>, d values), with --score psnr and ssim, with --reconstructions the PNG bytes,",
                "and error (the one-line reason a file could not be read; such rows have no latent)."},
        footer = {"", "Example:", "  ./ganinv spark invert --run runs/dls --images /data/photos --out /data/latents.parquet --score",
                "  spark-submit --class ganinv.spark.SparkMain ganinv-spark-0.1.0-all.jar invert --run runs/dls \\",
                "      --images hdfs:///photos --out hdfs:///latents.parquet"})
public final class SparkInvertCommand implements Callable<Integer> {
    @Option(names = "--run", required = true, description = "A run folder made by 'ganinv train' (on the driver; shipped to executors).")
    Path run;

    @Option(names = "--images", required = true, description = "Any path Spark reads: a local folder, hdfs://..., s3a://...")
    String images;

    @Option(names = "--out", required = true, description = "The Parquet output path; must not exist unless --overwrite.")
    String out;

    @Option(names = "--encoder", description = "trained or fitted: the encoder that inverts (encoder and hybrid modes)."
            + " Default: fitted when the run has one for its current generator, else trained.")
    String encoder;

    @Option(names = "--mode", defaultValue = "encoder", description = "encoder, optimize or hybrid, as 'ganinv invert'. Default: ${DEFAULT-VALUE}.")
    String mode;

    @Option(names = "--steps", defaultValue = "200", description = "optimize/hybrid: Adam steps per start. Default: ${DEFAULT-VALUE}.")
    int steps;

    @Option(names = "--lr", defaultValue = "0.05", description = "optimize/hybrid: Adam step size on z. Default: ${DEFAULT-VALUE}.")
    double lr;

    @Option(names = "--loss", defaultValue = "l2", description = "optimize/hybrid: l2, l1 or l2+features. Default: ${DEFAULT-VALUE}.")
    String loss;

    @Option(names = "--prior-weight", defaultValue = "0", description = "optimize/hybrid: W of W*||z||^2/d. Default: ${DEFAULT-VALUE}.")
    double priorWeight;

    @Option(names = "--restarts", defaultValue = "1", description = "optimize/hybrid: starts per image. Default: ${DEFAULT-VALUE}.")
    int restarts;

    @Option(names = "--batch", defaultValue = "64", description = "Images inverted together inside a partition. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--seed", defaultValue = "0", description = "optimize/hybrid: seed of the random starts. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--score", description = "Add psnr and ssim of each reconstruction against the image as the run sees it.")
    boolean score;

    @Option(names = "--reconstructions", description = "Add the reconstruction's PNG bytes.")
    boolean reconstructions;

    @Option(names = "--partitions", defaultValue = "0", description = "Spread the images over this many partitions (0: as Spark lists them). Default: ${DEFAULT-VALUE}.")
    int partitions;

    @Option(names = "--max-pixels", defaultValue = "50000000", description = "Images whose header claims more pixels"
            + " (width x height) get an error row, undecoded. Default: ${DEFAULT-VALUE}.")
    long maxPixels;

    @Option(names = "--overwrite", description = "Replace --out as a whole if it exists (never appended to).")
    boolean overwrite;

    @Option(names = "--master", description = "Spark master, e.g. local[2] (default: spark-submit's, or local[*]).")
    String master;

    @Option(names = "--summary", description = "Also write the job summary (images, errors, images/s, model load per executor) as JSON here.")
    Path summary;

    @Override
    public Integer call() throws Exception {
        if (!mode.matches("encoder|optimize|hybrid")) {
            throw new BadInputException("--mode " + mode + ": choose encoder, optimize or hybrid", null);
        }
        if (maxPixels < 1) {
            throw new BadInputException("--max-pixels " + maxPixels + ": must be at least 1", null);
        }
        InvertSpec spec = new InvertSpec(mode, steps, lr, loss, priorWeight, restarts, batch, seed, score, reconstructions,
                maxPixels);
        spec.settings();                                               // refuses a bad value before Spark starts
        SparkSession spark = SparkMain.session(master, "ganinv spark invert");
        try {
            SparkInvert.Summary s = SparkInvert.run(spark, new SparkInvert.Options(run, images, out, spec, partitions, overwrite,
                    encoder == null ? null : ganinv.api.types.EncoderChoice.parse(encoder)));
            Map<String, Object> json = s.toJson();
            String line = new ObjectMapper().writeValueAsString(json);
            System.out.println(line);
            if (summary != null) {
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(summary.toFile(), json);
            }
        } finally {
            spark.stop();
        }
        return 0;
    }
}
