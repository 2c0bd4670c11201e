package example;

import ganinv.api.types.Method;
import ganinv.api.Training;
import ganinv.api.TrainingResult;

import java.nio.file.Path;

/** Trains a tiny DLSGAN on the built-in shapes in a few seconds, printing each logged interval. */
public final class TrainTiny {
    public static void main(String[] args) {
        TrainingResult result = Training.builder(Path.of(args[0])).method(Method.DLSGAN).resolution(16).width(8).latentDim(8)
                .batch(8).steps(40).logEvery(20).force(true)
                .listener((step, steps, metrics) -> System.out.printf("step %d/%d  l_enc %.3f%n", step, steps, metrics.get("l_enc")))
                .build().run();
        System.out.printf("trained %s to step %d in %.1f s%n", result.folder(), result.step(), result.seconds());
    }
}
