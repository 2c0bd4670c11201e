package ganinv.cli;

import ganinv.api.types.BadInputException;
import ganinv.api.BuildInfo;
import ganinv.api.FileAccessException;
import ganinv.api.Recipe;
import ganinv.api.TrainingFailedException;
import ganinv.api.TrainingInterruptedException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** The {@code ganinv} command: one subcommand per file in this package. */
@Command(name = "ganinv", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "GAN inversion on the JVM: train an invertible GAN, invert images into latent codes, measure.",
        subcommands = {DemoCommand.class, PrepareCommand.class, TrainCommand.class, FitEncoderCommand.class, SampleCommand.class, InvertCommand.class,
                TraverseCommand.class, InterpolateCommand.class, DirectionCommand.class, EditCommand.class,
                EvaluateCommand.class, TrainClassifierCommand.class, ReportCommand.class, CompareCommand.class, BenchCommand.class,
                MetricsCommand.class, ServeCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Also, on Apache Spark (built on first use; ./ganinv spark <command> --help):",
                "  spark invert    Invert every image under a Spark path into Parquet latents.",
                "  spark evaluate  evaluate's JSON, measured on Spark executors.",
                "", "Start with:  ./ganinv demo", "Every command has --help with an example."})
public final class Main implements Runnable {
    /** Exit code for every mistake in the user's input: a bad flag, file or folder. */
    public static final int USER_ERROR = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");   // plots are drawn off-screen, also on machines with a display
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code; never calls System.exit, so tests can call it. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(Main::handle);
        cl.setParameterExceptionHandler(Main::handleParameters);
        cl.setOverwrittenOptionsAllowed(false);       // "--steps 10 --steps 20" is refused, not silently 20
        cl.setDefaultValueProvider(Main::recipe);
        return cl;
    }

    /**
     * A {@link BadInputException} (a bad flag or file) or {@link FileAccessException} (a path the
     * system refused) becomes one line and exit code 2. Anything else is a bug in ganinv, however it is wrapped: it says so, keeps its
     * stack trace and exits with 1, so that an internal fault is never shown as the user's mistake.
     */
    static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (e instanceof BadInputException || e instanceof FileAccessException) {
            err.println("error: " + e.getMessage());
            err.flush();
            return USER_ERROR;
        }
        if (e instanceof TrainingFailedException) {
            err.println("training failed: " + e.getMessage());
            err.flush();
            return TrainingFailedException.EXIT_CODE;
        }
        if (e instanceof TrainingInterruptedException) {
            return TrainingInterruptedException.EXIT_CODE;              // its line is already printed
        }
        err.println("internal error in ganinv " + BuildInfo.version() + " (please report it with this trace):");
        e.printStackTrace(err);
        err.flush();
        return 1;
    }

    /** The default recipe (method, network and the settings it departs from the paper in) of every command that trains, stated once in {@link Recipe}. */
    private static String recipe(CommandLine.Model.ArgSpec arg) {
        if (arg instanceof CommandLine.Model.OptionSpec option) {
            return switch (option.longestName()) {
                case "--method" -> Recipe.METHOD.toString();
                case "--arch" -> Recipe.ARCHITECTURE.toString();
                case "--g-output" -> Recipe.G_OUTPUT.toString();
                case "--g-modulation" -> Boolean.toString(Recipe.G_MODULATION);
                case "--minibatch-std" -> Integer.toString(Recipe.MINIBATCH_STD);
                default -> null;
            };
        }
        return null;
    }

    /** A mistyped command line: one line with the fix, not the whole usage text. */
    private static int handleParameters(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        String command = cl.getCommandSpec().qualifiedName();
        cl.getErr().println("error: " + e.getMessage() + "; see '" + command.replace("ganinv", "./ganinv") + " --help'");
        cl.getErr().flush();
        return USER_ERROR;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"ganinv " + BuildInfo.version() + " (commit " + BuildInfo.gitCommit() + ")"};
        }
    }
}
