package ganinv.spark;

import ganinv.api.types.BadInputException;
import ganinv.api.types.GanInvException;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/**
 * {@code ganinv spark ...} and the class {@code spark-submit --class ganinv.spark.SparkMain} runs.
 * The master comes from spark-submit, or from {@code --master} (default {@code local[*]} when
 * started by the launcher).
 */
@Command(name = "ganinv spark", mixinStandardHelpOptions = true, subcommands = {SparkInvertCommand.class, SparkEvaluateCommand.class},
        description = {"ganinv's batch jobs on Apache Spark: invert (images under any Spark path to Parquet latents) and",
                "evaluate (the JSON of 'ganinv evaluate', the real side computed by executors)."})
public final class SparkMain implements Runnable {
    static final int USER_ERROR = 2;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code (tests call this). */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new SparkMain());
        cl.setExecutionExceptionHandler(SparkMain::handle);
        cl.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("error: " + e.getMessage() + "; see './ganinv spark "
                    + e.getCommandLine().getCommandName() + " --help'");
            return USER_ERROR;
        });
        return cl.execute(args);
    }

    /** A user's mistake is one line and exit 2; anything else keeps its trace and exits 1. */
    static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (e instanceof BadInputException bad) {
            err.println("error: " + bad.getMessage());
            err.flush();
            return USER_ERROR;
        }
        if (e instanceof org.apache.spark.sql.AnalysisException a && a.getMessage().contains("already exists")) {
            err.println("error: --out: the output path already exists; pass --overwrite to replace it, or a new path");
            err.flush();
            return USER_ERROR;
        }
        err.println(e instanceof GanInvException ? "ganinv failed:" : "internal error in ganinv-spark (please report it with this trace):");
        e.printStackTrace(err);
        err.flush();
        return 1;
    }

    /** The session spark-submit configured, or a local one for {@code --master}. */
    static SparkSession session(String master, String app) {
        // The driver opens the run too (to ship it): its engine must never reach for the network either.
        System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
        SparkSession.Builder b = SparkSession.builder().appName(app);
        if (master != null) {
            b = b.master(master);
        } else if (System.getProperty("spark.master") == null) {            // not under spark-submit
            b = b.master("local[*]");
        }
        return b.getOrCreate();
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
