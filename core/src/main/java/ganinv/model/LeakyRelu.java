package ganinv.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;

/**
 * Leaky ReLU with a constant gain: y = gain·(x > 0 ? x : slope·x) (gain √2 in StyleGAN2, which
 * keeps unit variance through the layer; 1 in dcgan-up). Input gradient: g·gain·(x > 0 ? 1 :
 * slope), the mask taken from the forward pass and detached: its derivative is zero almost
 * everywhere, as in double backprop.
 */
public final class LeakyRelu extends GradLayer {
    private final float slope;
    private final float gain;

    public LeakyRelu(float slope, float gain) {
        this.slope = slope;
        this.gain = gain;
    }

    @Override
    public NDArray trace(ParameterStore ps, NDArray x, Tape tape) {
        if (tape.recording()) {
            NDArray pre = tape.keptRows(x).stopGradient();
            NDArray mask = pre.gt(0).toType(DataType.FLOAT32, false).mul(1 - slope).add(slope);
            tape.push(gain == 1f ? mask : mask.mul(gain));
        }
        NDArray y = Activation.leakyRelu(x, slope);
        return gain == 1f ? y : Scalar.mul(y, gain);
    }

    @Override
    public NDArray inputGradient(NDArray g, Tape tape) {
        NDArray mask = tape.pop();
        return g.mul(mask);
    }
}
