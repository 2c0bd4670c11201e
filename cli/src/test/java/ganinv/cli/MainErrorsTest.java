package ganinv.cli;

import ganinv.UserError;
import ganinv.api.types.BadInputException;
import ganinv.api.FileAccessException;
import ganinv.api.types.GanInvException;
import ganinv.api.TrainingFailedException;
import ganinv.api.TrainingInterruptedException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures are the user's to fix (one line, exit 2), which are a training's (one line, exit 3) and which are ganinv's own (trace, exit 1). */
class MainErrorsTest {
    private final StringWriter err = new StringWriter();

    private int handle(Exception e) {
        err.getBuffer().setLength(0);
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err, true));
        return Main.handle(e, cl, null);
    }

    @Test
    void badInputOrARefusedPathIsOneLineAndExit2() {
        assertThat(handle(new BadInputException("--steps -1: must be at least 1", null))).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("error: --steps -1: must be at least 1");
        assertThat(handle(FileAccessException.of("cannot write x.json", new IOException("No space left on device")))).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("error: cannot write x.json (No space left on device)");
        assertThat(handle(new TrainingInterruptedException("interrupted: step 3 saved", null))).isEqualTo(130);
        assertThat(err.toString()).isEmpty();                 // its line was printed where it stopped
    }

    /** A training that ran and failed is neither the user's mistake (2) nor a crash (1): one line and exit 3. */
    @Test
    void aFailedTrainingIsOneLineAndExit3() {
        String why = "step 200: D has won (loss_d_adv averaged 0.430 over the last 200 steps); training stopped after 3 restarts";
        assertThat(handle(new TrainingFailedException(why, null))).isEqualTo(3).isEqualTo(TrainingFailedException.EXIT_CODE);
        assertThat(err.toString().strip()).isEqualTo("training failed: " + why);
    }

    @Test
    void anythingElseIsAnInternalErrorWithItsTraceEvenWhenItWrapsAUserError() {
        assertThat(handle(new UncheckedIOException("cannot encode", new IOException("stream closed")))).isEqualTo(1);
        assertThat(err.toString()).startsWith("internal error in ganinv").contains("UncheckedIOException").contains("\tat ");
        assertThat(handle(new IllegalStateException("bug", new UserError("a user error deep inside a bug")))).isEqualTo(1);
        assertThat(err.toString()).startsWith("internal error in ganinv").doesNotStartWith("error: ");
        assertThat(handle(new GanInvException("ganinv failed: NullPointerException", new NullPointerException()))).isEqualTo(1);
        assertThat(err.toString()).startsWith("internal error in ganinv");
    }
}
