package ganinv.api;

import ganinv.data.ShapesDataset;
import ganinv.model.GradientLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parts of evaluate that Spark tasks run are forward-only: they run while another thread holds
 * the JVM's gradient lock (a training step, a hybrid inversion), and two at once on one run give
 * what each gives alone.
 */
class PartialEvaluationTest {
    @TempDir
    Path tmp;

    @Test
    void forwardOnlyPartsNeitherWaitForTheGradientLockNorForEachOther() throws Exception {
        Path run = tmp.resolve("run");
        Training.builder(run).resolution(16).width(8).latentDim(8).batch(4).steps(4).build().run();
        ShapesDataset shapes = new ShapesDataset(5, 8, 16, 3);
        List<BufferedImage> images = new ArrayList<>();
        for (int i = 0; i < shapes.size(); i++) {
            images.add(ganinv.data.ImageCodec.toImage(shapes.pixels(i), 3, 16, 16));
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (GanRun g = GanRun.open(run)) {
            PartialEvaluation.Real alone = PartialEvaluation.real(g, images);
            pool.submit(() -> {
                GradientLock.JVM.lock();
                try {
                    held.countDown();
                    release.await();
                } finally {
                    GradientLock.JVM.unlock();
                }
                return null;
            });
            assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
            Future<PartialEvaluation.Real> a = pool.submit(() -> PartialEvaluation.real(g, images));
            Future<PartialEvaluation.Generated> b = pool.submit(() -> PartialEvaluation.generated(g, 8, 1));
            PartialEvaluation.Real first = a.get(60, TimeUnit.SECONDS);        // the lock is still held
            assertThat(b.get(60, TimeUnit.SECONDS).values()).isNotEmpty();
            assertThat(first.codes()).isDeepEqualTo(alone.codes());
            assertThat(first.psnr()).containsExactly(alone.psnr());
        } finally {
            release.countDown();
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
    }
}
