package ganinv.api;

import ganinv.api.internal.ProgressDisplays;
import ganinv.train.Progress;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/** The core's progress service reaches an application's {@link ProgressDisplay} and hands it every update. */
class ProgressDisplayTest {
    /** Registered for the tests in META-INF/services/ganinv.api.ProgressDisplay. */
    public static final class Recording implements ProgressDisplay {
        static final List<String> SEEN = new ArrayList<>();

        @Override
        public Bar open(String task, long start, long total) {
            SEEN.add("open " + task + " " + start + " " + total);
            return new Bar() {
                @Override
                public void update(long done, Map<String, Double> values) {
                    SEEN.add(done + " " + ProgressDisplay.format(values));
                }

                @Override
                public void close() {
                    SEEN.add("close");
                }
            };
        }
    }

    @Test
    void theCoresServiceFindsTheApplicationsDisplay() {
        assertThat(ServiceLoader.load(Progress.Display.class)).extracting(d -> d.getClass().getName())
                .contains(ProgressDisplays.class.getName());
        Recording.SEEN.clear();
        try (Progress p = new ProgressDisplays().open("train", 10, 20)) {
            p.update(11, Map.of("loss", 0.5), false);
        }
        assertThat(Recording.SEEN).containsExactly("open train 10 20", "11 loss 0.5000", "close");
    }
}
