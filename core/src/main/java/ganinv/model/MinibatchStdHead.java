package ganinv.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;

/**
 * D's head with minibatch standard deviation (StyleGAN's MinibatchStdLayer) feeding its
 * adversarial output alone: [N, F] -> [N, outputs], y = f·Wᵀ + b, plus c·σ(f) added to column 0,
 * where σ_k(f_i) is the standard deviation of feature k over the group of G consecutive rows that
 * holds row i, and c [F] starts at 0 (so D starts as the plain head's). A D judging one image at a
 * time cannot see that every generated image shares one colour; with σ it can. The other columns
 * (DLSGAN's latent head) never see σ, so the encoder stays a function of one image.
 *
 * <p>Groups are consecutive rows: callers put real and generated images in separate runs of rows
 * whose lengths are multiples of G. A batch of N rows uses gcd(G, N) rows per group.
 *
 * <p>Input gradient of Σᵢ gᵢ·yᵢ for the tape's P rows (P a multiple of G): g·W from the linear
 * part, plus, for row j of group g, S_g·c∘(f_j − μ_g)/(G·σ_g) with S_g = Σ_{i∈g} g_{i,0}: a_i
 * depends on every row of its group, and R1 of Σᵢ aᵢ carries those cross terms, as StyleGAN's does.
 */
public final class MinibatchStdHead extends GradLayer {
    private static final float EPS = 1e-8f;

    private final Dense head;
    private final int group;
    private final Parameter stdWeight;
    private long features;

    /**
     * @param head the linear head [N, F] -> [N, outputs], column 0 the adversarial logit
     * @param group G, rows per group (StyleGAN's default: 4)
     */
    public MinibatchStdHead(Dense head, int group) {
        if (group < 1) {
            throw new IllegalArgumentException("minibatch-std group must be >= 1, got " + group);
        }
        this.head = addChildBlock("Linear", head);
        this.group = group;
        this.stdWeight = addParameter(Parameter.builder().setName("std_weight").setType(Parameter.Type.WEIGHT)
                .optInitializer(new ConstantInitializer(0f)).build());
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... in) {
        head.initialize(manager, dataType, in);
    }

    @Override
    protected void prepare(Shape[] in) {
        features = in[0].get(1);
        stdWeight.setShape(new Shape(features, 1));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] in) {
        return head.getOutputShapes(in);
    }

    @Override
    public NDArray trace(ParameterStore ps, NDArray f, Tape tape) {
        long n = f.getShape().get(0);
        NDArray y = head.trace(ps, f, tape);                                         // [N, outputs]
        NDArray c = value(ps, stdWeight, f, 1f);                                     // [F, 1]
        NDArray a = groupStd(f, groupOf(n)).matMul(c);                               // [N, 1]
        tape.push(c);
        tape.push(tape.keptRows(f));
        return y.add(a.matMul(columnZero(f.getManager(), y.getShape().get(1))));
    }

    @Override
    public NDArray inputGradient(NDArray g, Tape tape) {
        NDArray f = tape.pop();                                                      // [P, F]
        NDArray c = tape.pop();                                                      // [F, 1]
        NDArray linear = head.inputGradient(g, tape);                                // [P, F]
        long p = f.getShape().get(0);
        int k = groupOf(p);
        NDArray x = f.reshape(p / k, k, features);                                   // [P/G, G, F]
        NDArray centred = x.sub(x.mean(new int[] {1}, true));
        NDArray std = centred.square().mean(new int[] {1}, true).add(EPS).sqrt();   // [P/G, 1, F]
        NDArray s = g.get(":, 0").reshape(p / k, k, 1).sum(new int[] {1}, true);     // [P/G, 1, 1]
        NDArray cRow = c.reshape(1, 1, features);                                    // [1, 1, F]
        cRow.attach(g.getManager());        // c is the weight itself: its view would pile up in the weight's manager
        NDArray viaStd = centred.div(std).mul(s).mul(cRow);                          // [P/G, G, F]
        return linear.add(Scalar.div(viaStd, k).reshape(p, features));
    }

    /** σ of each row's group, [N, F]. */
    static NDArray groupStd(NDArray f, int k) {
        long n = f.getShape().get(0);
        long features = f.getShape().get(1);
        NDArray x = f.reshape(n / k, k, features);
        NDArray std = x.sub(x.mean(new int[] {1}, true)).square().mean(new int[] {1}, true).add(EPS).sqrt();
        return std.broadcast(new Shape(n / k, k, features)).reshape(n, features);
    }

    private int groupOf(long n) {
        return (int) gcd(group, n);
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /** e₀ [1, outputs]: puts a column vector into column 0. */
    private static NDArray columnZero(NDManager scope, long outputs) {
        float[] e = new float[(int) outputs];
        e[0] = 1f;
        return HostData.copy(scope, e, new Shape(1, outputs));
    }
}
