package ganinv.invert;

import ganinv.api.types.InvertMode;
import ganinv.model.Scalar;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ganinv.data.ImageTensor;
import ganinv.model.Network;
import ganinv.objective.GanMethod;
import ganinv.random.Rng;

import java.util.Arrays;
import java.util.List;

/**
 * Inversion by optimisation (and, with {@code hybrid}, starting from the encoder's code): Adam on
 * z for many images at once, minimising loss(G(z), x) + W·||z||²/d per image, where G(z) is the
 * method's own generate (G(z∘s) for DLSGAN). Only z is updated: the networks are frozen during
 * every backward pass, so no weight gradient is computed (a third of the backward's work) and the
 * gradients they hold are never touched.
 *
 * <p>z and its Adam moments live in Java arrays between steps, so every engine array a step makes
 * dies with the step's scope however many steps run.
 */
public final class OptimizationInverter implements Inverter {
    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPSILON = 1e-8f;

    private final GanMethod method;
    private final NDManager manager;
    private final OptimizeSettings settings;
    private final boolean hybrid;

    public OptimizationInverter(GanMethod method, NDManager manager, OptimizeSettings settings, boolean hybrid) {
        this.method = method;
        this.manager = manager;
        this.settings = settings;
        this.hybrid = hybrid;
    }

    @Override
    public String mode() {
        return (hybrid ? InvertMode.HYBRID : InvertMode.OPTIMIZE).toString();
    }

    @Override
    public Inversion invert(List<byte[]> images, InversionProgress progress) {
        int d = method.net().latentDim();
        long batches = (images.size() + settings.batch() - 1) / settings.batch();
        Counter counter = new Counter(progress, batches * settings.restarts() * settings.steps());
        float[] codes = new float[images.size() * d];
        double[] history = new double[settings.steps()];
        int runs = 0;
        for (int from = 0; from < images.size(); from += settings.batch()) {
            List<byte[]> chunk = images.subList(from, Math.min(images.size(), from + settings.batch()));
            try (NDManager scope = manager.newSubManager()) {
                NDArray x = ImageTensor.batch(scope, chunk, method.net().channels(), method.net().resolution());
                float[] best = bestOfRestarts(scope, x, from, history, counter);
                System.arraycopy(best, 0, codes, from * d, best.length);
            }
            runs += settings.restarts();
        }
        for (int t = 0; t < history.length; t++) {
            history[t] /= runs;
        }
        return new Inversion(images.size(), d, codes, Decode.images(method, manager, codes, settings.batch()), history);
    }

    /** Runs every start for the images x [n, C, R, R]; returns the codes [n·d] with the lowest final objective. */
    private float[] bestOfRestarts(NDManager scope, NDArray x, int offset, double[] history, Counter counter) {
        int n = (int) x.getShape().get(0);
        int d = method.net().latentDim();
        ReconstructionLoss loss = new ReconstructionLoss(settings.loss(), method.networks().get("D"));
        loss.target(x);
        float[] best = new float[n * d];
        float[] bestLoss = new float[n];
        Arrays.fill(bestLoss, Float.POSITIVE_INFINITY);
        for (int r = 0; r < settings.restarts(); r++) {
            float[] z = start(scope, x, r, offset);
            float[] objective = optimise(scope, x, z, loss, history, counter);
            for (int i = 0; i < n; i++) {
                if (objective[i] < bestLoss[i]) {
                    bestLoss[i] = objective[i];
                    System.arraycopy(z, i * d, best, i * d, d);
                }
            }
        }
        return best;
    }

    /** The first hybrid start is the encoder's code; every other start is drawn from the prior. */
    private float[] start(NDManager scope, NDArray x, int restart, int offset) {
        int n = (int) x.getShape().get(0);
        if (hybrid && restart == 0) {
            try (NDManager s = scope.newSubManager()) {
                return method.encode(x).toFloatArray();
            }
        }
        long seed = settings.seed() ^ (0x9E3779B97F4A7C15L * (offset + 1L)) ^ (31L * restart);
        return method.prior().sample(new Rng(seed), n, method.net().latentDim());
    }

    /**
     * Adam on z [n·d] for the configured steps; leaves in z each image's best iterate (the start
     * included, so a hybrid never ends worse than its encoder code), adds each step's mean
     * objective to {@code history}, and returns each image's objective at the returned z.
     */
    private float[] optimise(NDManager scope, NDArray x, float[] z, ReconstructionLoss loss, double[] history,
                             Counter counter) {
        int n = (int) x.getShape().get(0);
        int d = method.net().latentDim();
        float[] m = new float[z.length];
        float[] v = new float[z.length];
        float[] best = z.clone();
        float[] bestObjective = new float[n];
        Arrays.fill(bestObjective, Float.POSITIVE_INFINITY);
        float lr = (float) settings.learningRate();
        for (int t = 1; t <= settings.steps() + 1; t++) {
            float[] grad;
            float[] objective;
            try (NDManager s = scope.newSubManager(); Frozen frozen = new Frozen(method);
                 GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray zt = s.create(z, new Shape(n, d));
                zt.setRequiresGradient(true);
                NDArray perImage = objective(zt, x, loss);                                 // [n]
                gc.backward(perImage.sum());     // a sum, so each image's gradient is its own
                objective = perImage.toFloatArray();
                grad = zt.getGradient().toFloatArray();
            }
            for (int i = 0; i < n; i++) {
                if (objective[i] < bestObjective[i]) {
                    bestObjective[i] = objective[i];
                    System.arraycopy(z, i * d, best, i * d, d);
                }
            }
            if (t > settings.steps()) {
                break;                           // the last pass only scores the final iterate
            }
            history[t - 1] += mean(objective);
            counter.step();
            double corrected = lr * Math.sqrt(1 - Math.pow(BETA2, t)) / (1 - Math.pow(BETA1, t));
            for (int i = 0; i < z.length; i++) {
                m[i] = BETA1 * m[i] + (1 - BETA1) * grad[i];
                v[i] = BETA2 * v[i] + (1 - BETA2) * grad[i] * grad[i];
                z[i] -= (float) (corrected * m[i] / (Math.sqrt(v[i]) + EPSILON));
            }
        }
        System.arraycopy(best, 0, z, 0, z.length);
        return bestObjective;
    }

    private static double mean(float[] a) {
        double sum = 0;
        for (float x : a) {
            sum += x;
        }
        return sum / a.length;
    }

    /** loss(G(z), x) + W·||z||²/d per image: z [n, d] -> [n]. */
    private NDArray objective(NDArray z, NDArray x, ReconstructionLoss loss) {
        NDArray perImage = loss.of(method.generate(z), x);
        return settings.priorWeight() > 0 ? perImage.add(Scalar.mul(z.square().mean(new int[] {1}), settings.priorWeight()))
                : perImage;
    }

    /** Counts Adam steps over every batch and start for the progress listener. */
    private static final class Counter {
        private final InversionProgress progress;
        private final long total;
        private long done;

        Counter(InversionProgress progress, long total) {
            this.progress = progress;
            this.total = total;
        }

        void step() {
            progress.update(++done, total);
        }
    }

    /** Every network of the method frozen at once. */
    private static final class Frozen implements AutoCloseable {
        private final List<Network.Frozen> all = new java.util.ArrayList<>();

        Frozen(GanMethod method) {
            method.networks().values().forEach(n -> all.add(n.freeze()));
        }

        @Override
        public void close() {
            all.forEach(Network.Frozen::close);
        }
    }
}
