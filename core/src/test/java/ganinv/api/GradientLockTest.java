package ganinv.api;

import ganinv.api.types.InvertMode;
import ganinv.api.types.Method;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** One JVM, two gradient users: a training and hybrid inversions take turns instead of failing. */
class GradientLockTest {
    @TempDir
    Path tmp;

    @Test
    void aTrainingAndHybridInversionsInOneJvmWaitForEachOther() throws Exception {
        Path trained = tmp.resolve("trained");
        Training.builder(trained).method(Method.DLSGAN).resolution(16).width(8).latentDim(8).batch(4).steps(5).logEvery(5).run();
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        InvertSettings hybrid = InvertSettings.builder().mode(InvertMode.HYBRID).steps(20).batch(1).build();

        CompletableFuture<TrainingResult> training = CompletableFuture.supplyAsync(() ->
                Training.builder(tmp.resolve("training")).method(Method.DLSGAN).resolution(16).width(8).latentDim(8).batch(4)
                        .steps(150).logEvery(50).run());
        AtomicInteger inversions = new AtomicInteger();
        try (GanRun run = GanRun.open(trained)) {
            while (!training.isDone() || inversions.get() == 0) {
                assertThat(run.invert(List.of(image), hybrid)[0]).hasSize(8);
                inversions.incrementAndGet();
            }
        }
        assertThat(training.get().step()).isEqualTo(150);
        assertThat(inversions.get()).as("hybrid inversions finished while the training ran").isGreaterThan(1);
    }
}
