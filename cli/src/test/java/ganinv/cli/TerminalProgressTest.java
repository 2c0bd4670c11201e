package ganinv.cli;

import ganinv.api.ProgressDisplay;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line's progress bar is registered where the core looks for a display, and runs. */
class TerminalProgressTest {
    @Test
    void theBarIsAProgressDisplayServiceAndRuns() {
        assertThat(ServiceLoader.load(ProgressDisplay.class)).extracting(d -> d.getClass().getName())
                .contains(TerminalProgress.class.getName());
        try (ProgressDisplay.Bar bar = new TerminalProgress().open("train", 0, 3)) {
            bar.update(2, Map.of("loss_d_adv", 1.25));
        }
    }
}
