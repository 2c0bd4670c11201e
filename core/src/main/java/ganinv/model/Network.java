package ganinv.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A named DJL block with its weights, run without DJL's Trainer so that each method controls
 * exactly which gradients exist and when they are cleared (the engine never zeroes them).
 */
public final class Network {
    private final String name;
    private final Block block;
    private final ParameterStore store;
    private final Map<String, NDArray> weights = new LinkedHashMap<>();

    /** Builds the block's weights in {@code manager} for inputs of {@code inputShapes}. */
    public Network(String name, Block block, NDManager manager, Shape... inputShapes) {
        this.name = name;
        this.block = block;
        block.initialize(manager, DataType.FLOAT32, inputShapes);
        this.store = new ParameterStore(manager, false);
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient()) {
                weights.put(p.getKey(), p.getValue().getArray());
            }
        }
    }

    public String name() {
        return name;
    }

    /** Runs the network; the output lives in the inputs' manager (the caller's step scope). */
    public NDArray forward(NDArray... inputs) {
        return block.forward(store, new NDList(inputs), true).singletonOrThrow();
    }

    /**
     * A discriminator's forward pass that records on {@code tape} what {@link #inputGradient} needs
     * (R1). Only networks built from {@link GradLayer}s have one.
     */
    public NDArray trace(NDArray x, Tape tape) {
        if (!(block instanceof GradLayer layers)) {
            throw new IllegalStateException(name + " is not built from GradLayers: it has no input-gradient rules");
        }
        return layers.trace(store, x, tape);
    }

    /**
     * The activations of the image trunk after each of its down-sampling stages, computed by the
     * trunk's own layers (equalized-lr gains and residual blocks included): k arrays
     * [N, W_i, R/2^i, R/2^i], differentiable in x. For D, E and BiGAN's joint D (its image path).
     */
    public java.util.List<NDArray> stageActivations(NDArray x) {
        LayerSequence trunk = block instanceof LayerSequence s ? s
                : block instanceof JointDiscriminator j ? j.imageTrunk() : null;
        if (trunk == null) {
            throw new IllegalStateException(name + " has no image trunk to take features from");
        }
        return trunk.stageOutputs(store, x);
    }

    /** ∂(g·output)/∂x for the tape's rows, g [P, outputs], as a differentiable graph of the weights. */
    public NDArray inputGradient(NDArray g, Tape tape) {
        return ((GradLayer) block).inputGradient(g, tape);
    }

    /** Trainable weights by parameter name, in a fixed order (checkpoints rely on it). */
    public Map<String, NDArray> weights() {
        return weights;
    }

    public long parameterCount() {
        return weights.values().stream().mapToLong(a -> a.getShape().size()).sum();
    }

    /**
     * Until the returned handle is closed, back-propagation passes through this network to its
     * inputs but computes no gradients for its weights. A generator step through D needs ∂/∂x of D,
     * never ∂/∂θ_D: skipping the weight gradients saves a third of D's backward pass, and D's
     * accumulated gradients are left as they were.
     */
    public Frozen freeze() {
        for (NDArray w : weights.values()) {
            JniUtils.attachGradient((PtNDArray) w, false);
        }
        return new Frozen();
    }

    /** The scope of {@link #freeze}; closing it makes the weights trainable again. */
    public final class Frozen implements AutoCloseable {
        private Frozen() {
        }

        @Override
        public void close() {
            for (NDArray w : weights.values()) {
                JniUtils.attachGradient((PtNDArray) w, true);
            }
        }
    }

    /**
     * Copies every weight of {@code source}, a network of the same structure, into this one (by
     * parameter name): how a fit starts from a trained encoder without touching the original.
     */
    public void copyWeightsFrom(Network source) {
        try (NoGrad noGrad = new NoGrad()) {
            for (Map.Entry<String, NDArray> w : weights.entrySet()) {
                NDArray from = source.weights.get(w.getKey());
                if (from == null || !from.getShape().equals(w.getValue().getShape())) {
                    throw new IllegalArgumentException(source.name + " has no weight " + w.getKey() + " shaped as " + name + "'s");
                }
                w.getValue().set(new ai.djl.ndarray.index.NDIndex("..."), from);   // in place: the optimizer holds this array
            }
        }
    }

    /** Clears accumulated gradients; needed after any backward pass that reached this network. */
    public void zeroGradients() {
        for (NDArray w : weights.values()) {
            JniUtils.zeroGrad((PtNDArray) w);
        }
    }
}
