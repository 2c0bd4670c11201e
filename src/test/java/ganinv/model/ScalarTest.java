package ganinv.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScalarTest {
    /** ∂(Σ f(x))/∂x for x = [1, 2, 3], with garbage collections between forward and backward. */
    private static float[] gradientAcrossGc(UnaryOperator<NDArray> f) throws InterruptedException {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {1, 2, 3});
            x.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray y = f.apply(x).sum();
                for (int i = 0; i < 3; i++) {
                    System.gc();            // the Cleaner frees unreachable direct buffers...
                    Thread.sleep(30);
                    for (int k = 0; k < 2000; k++) {
                        m.create(new float[] {12345f}).close();   // ...and new small ones reuse that memory
                    }
                }
                gc.backward(y);
            }
            return x.getGradient().toFloatArray();
        }
    }

    @Test
    void constantsSurviveAGarbageCollectionBeforeBackward() throws InterruptedException {
        assertThat(gradientAcrossGc(x -> Scalar.mul(x, 3))).containsExactly(3, 3, 3);
        assertThat(gradientAcrossGc(x -> Scalar.div(x, 4))).containsExactly(0.25f, 0.25f, 0.25f);
        assertThat(gradientAcrossGc(x -> Scalar.pow(x, 2))).containsExactly(2, 4, 6);
    }

    @Test
    void valuesAreTheArithmeticOnes() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {1, 4});
            assertThat(Scalar.mul(x, 0.5).toFloatArray()).containsExactly(0.5f, 2f);
            assertThat(Scalar.div(x, 2).toFloatArray()).containsExactly(0.5f, 2f);
            assertThat(Scalar.pow(x, -0.5).toFloatArray()).containsExactly(1f, 0.5f);
            assertThat(Scalar.of(m, 2).getShape().dimension()).isZero();
        }
    }
}
