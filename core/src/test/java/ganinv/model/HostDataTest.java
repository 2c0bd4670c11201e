package ganinv.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class HostDataTest {
    private static final float[] C = {3, 5, 7};

    /**
     * ∂(x·c)/∂x for x [1, 3] and a constant column c [3, 1] made from Java data, whose handle is
     * closed right after the forward op (as a layer's temporaries are, by EagerFree), with garbage
     * collections and fresh small allocations before the backward pass.
     */
    private static float[] gradientAcrossGc(BiFunction<NDManager, float[], NDArray> make) throws InterruptedException {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.ones(new Shape(1, 3));
            x.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray made = make.apply(m, C);
                NDArray c = made.reshape(3, 1);                   // a view of the same memory
                NDArray y = x.matMul(c).sum();
                c.close();
                made.close();
                for (int i = 0; i < 3; i++) {
                    System.gc();
                    Thread.sleep(30);
                    for (int k = 0; k < 2000; k++) {
                        m.create(new float[] {12345f, 12345f, 12345f}).close();
                    }
                }
                gc.backward(y);
            }
            return x.getGradient().toFloatArray();
        }
    }

    @Test
    void aCopyOutlivesItsHandleInTheGraph() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            assertThat(gradientAcrossGc(HostData::copy)).containsExactly(C);
        }
    }

    /**
     * The control: the same constant straight from {@code manager.create} is read by the backward
     * pass from memory malloc has taken back, in at least one of ten tries. If this ever passes,
     * DJL copies Java data itself and HostData can go.
     */
    @Test
    void javaMemoryUnderAClosedHandleIsLostToTheSameCollections() throws InterruptedException {
        boolean lost = false;
        for (int i = 0; i < 10 && !lost; i++) {
            lost = !java.util.Arrays.equals(gradientAcrossGc((m, d) -> m.create(d)), C);
        }
        assertThat(lost).isTrue();
    }

    /** The packages that build graphs make arrays from Java data only through HostData. */
    @Test
    void graphCodeTakesJavaDataOnlyThroughHostData() throws IOException {
        Pattern raw = Pattern.compile("\\b(scope|manager|s|m|getManager\\(\\))\\.create\\(");
        Path main = Path.of("src/main/java/ganinv");
        for (String pkg : List.of("model", "objective")) {
            try (Stream<Path> files = Files.walk(main.resolve(pkg))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java") && !p.endsWith("HostData.java")).toList()) {
                    assertThat(raw.matcher(Files.readString(f)).find()).as(f.toString()).isFalse();
                }
            }
        }
    }
}
