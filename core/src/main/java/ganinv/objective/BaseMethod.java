package ganinv.objective;

import ganinv.api.types.LatentDistribution;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ganinv.UserError;
import ganinv.model.Generator;
import ganinv.model.HostData;
import ganinv.model.NetConfig;
import ganinv.model.Network;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * What every method has: the config, the prior, a generator G, and one Adam per network. A
 * subclass registers its other networks with {@link #add} and writes only its step.
 */
abstract class BaseMethod implements GanMethod {
    protected final NetConfig net;
    protected final LatentDistribution prior;
    protected final MethodOptions options;
    protected final Network generator;
    private final NDManager manager;
    private final Map<String, Network> networks = new LinkedHashMap<>();
    private final Map<String, Adam> optimizers = new LinkedHashMap<>();
    private GeneratorEma ema;
    private volatile FittedEncoder fitted;      // set by one reader, read by the others
    private boolean rawGenerator;

    BaseMethod(NetConfig net, LatentDistribution prior, MethodOptions options, NDManager manager) {
        this.net = net;
        this.prior = prior;
        this.options = options;
        this.manager = manager;
        this.generator = add(Generator.create("G", net, manager));
    }

    /** Registers a network and gives it an Adam; the order of calls is the checkpoint's order. */
    protected final Network add(Network n) {
        networks.put(n.name(), n);
        optimizers.put(n.name(), new Adam(n, manager, (float) options.learningRate(), (float) options.beta1(),
                (float) options.beta2()));
        return n;
    }

    /** Applies and clears the gradients of the named networks; a G update of b images also moves G's EMA. */
    protected final void update(long b, String... names) {
        for (String n : names) {
            optimizers.get(n).step();
            if (n.equals("G") && ema() != null) {
                ema.update(generator, b);
            }
        }
    }

    /**
     * G's EMA, made on first use: after every network's initialisation, so that --g-ema leaves the
     * engine's random draws for G and D, and so the training itself, unchanged.
     */
    private GeneratorEma ema() {
        if (ema == null && options.gEma() > 0) {
            ema = new GeneratorEma(generator, net, options.gEma(), manager);
        }
        return ema;
    }

    @Override
    public Network sampler() {
        return ema() != null && !rawGenerator ? ema.network() : generator;
    }

    @Override
    public void sampleFrom(ganinv.api.types.Generator which) {
        java.util.Objects.requireNonNull(which, "which generator");
        if (which == ganinv.api.types.Generator.G_EMA && ema() == null) {
            throw new UserError("--generator " + which + ": this run keeps no EMA of G (train it with --g-ema)");
        }
        rawGenerator = which == ganinv.api.types.Generator.G;
    }

    /** G's EMA weights when there is one; a subclass adds its own buffers to these. */
    @Override
    public Map<String, NDArray> buffers() {
        return ema() != null ? ema.state() : Map.of();
    }

    /** Sets every network's Adam step size. */
    protected final void setLearningRate(double lr) {
        optimizers.values().forEach(a -> a.setLearningRate((float) lr));
    }

    /** z ~ prior: [B, d], drawn from {@code rng} so that resume is exact. */
    protected final NDArray sampleLatents(NDManager scope, RandomGenerator rng, int b) {
        return HostData.copy(scope, prior.sample(rng, b, net.latentDim()), new Shape(b, net.latentDim()));
    }

    @Override
    public final NetConfig net() {
        return net;
    }

    @Override
    public final LatentDistribution prior() {
        return prior;
    }

    @Override
    public final Map<String, Network> networks() {
        return Collections.unmodifiableMap(networks);
    }

    @Override
    public final Map<String, Adam> optimizers() {
        return Collections.unmodifiableMap(optimizers);
    }

    @Override
    public NDArray generate(NDArray z) {
        return sampler().forward(z);
    }

    @Override
    public final NDArray encode(NDArray x) {
        FittedEncoder e = fitted;
        return e != null ? e.encode(x) : ownEncode(x);
    }

    /** The encoder trained with G: [N, C, R, R] -> [N, d]. */
    protected abstract NDArray ownEncode(NDArray x);

    @Override
    public final void useEncoder(FittedEncoder encoder) {
        fitted = encoder;
    }

    @Override
    public final boolean hasEncoder() {
        return fitted != null || hasTrainedEncoder();
    }

    /** A copy of {@code trained} in a new network made by {@code shape}, as {@link #encoderCopy} returns. */
    protected static FittedEncoder copyOf(Network trained, Network shape, int skip) {
        shape.copyWeightsFrom(trained);
        return new FittedEncoder(shape, skip);
    }
}
