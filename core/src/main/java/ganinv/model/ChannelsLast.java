package ganinv.model;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;

/**
 * The same values stored channels-last ({@link Layers#channelsLast}): a layout change, so the
 * identity function. Its input gradient is the same layout change, which keeps the backward walk's
 * convolutions in oneDNN's faster layout too.
 */
public final class ChannelsLast extends GradLayer {
    @Override
    public NDArray trace(ParameterStore ps, NDArray x, Tape tape) {
        return Layers.channelsLast(x);
    }

    @Override
    public NDArray inputGradient(NDArray g, Tape tape) {
        return Layers.channelsLast(g);
    }
}
