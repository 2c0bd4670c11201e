package ganinv.model;

/**
 * StyleGAN2's residual discriminator trunk, as the DLSGAN paper uses it: no minibatch stddev
 * layer (so that one image maps to one code), equalized learning rate everywhere, leaky ReLU(0.2)
 * with gain √2. With w(r) = {@link NetConfig#widthAt}:
 * <ul>
 *   <li>fromRGB: Conv1x1(C -> w(R)), act;</li>
 *   <li>per resolution r = R, R/2, ..., 8: main = Conv3x3(w(r) -> w(r)), act, Conv3x3(w(r) ->
 *   w(r/2)), AvgPool 2x2, act; skip = AvgPool 2x2, Conv1x1(w(r) -> w(r/2), no bias); (main +
 *   skip)/√2;</li>
 *   <li>at 4x4: Conv3x3(w(4) -> w(4)), act, flatten, FC(16·w(4) -> w(4)), act.</li>
 * </ul>
 * The head (FC to the outputs) is added by {@link Discriminator}. Pooling before the 1x1 skip is
 * the same function as StyleGAN2's convolve-then-downsample (both linear) at a quarter of the cost.
 */
final class ResidualDiscriminator {
    private static final float SLOPE = 0.2f;
    private static final float GAIN = (float) Math.sqrt(2);

    private ResidualDiscriminator() {
    }

    static LayerSequence trunk(NetConfig c) {
        int r = c.resolution();
        LayerSequence d = new LayerSequence()
                .add("channels_last", new ChannelsLast())
                .add("from_rgb", Conv.equalized(c.widthAt(r), 1, true))
                .add("act", act());
        for (int side = r; side > 4; side /= 2) {
            LayerSequence main = new LayerSequence()
                    .add("conv0", Conv.equalized(c.widthAt(side), 3, true))
                    .add("act", act())
                    .add("conv1", Conv.equalized(c.widthAt(side / 2), 3, true))
                    .add("down", new AvgPool2())
                    .add("act", act());
            LayerSequence skip = new LayerSequence()
                    .add("down", new AvgPool2())
                    .add("conv", Conv.equalized(c.widthAt(side / 2), 1, false));
            d.add("b" + side, new Residual(main, skip));
        }
        return d.add("conv4", Conv.equalized(c.widthAt(4), 3, true))
                .add("act", act())
                .add("channels_last", new ChannelsLast())
                .add("flatten", new Flatten())
                .add("fc", Dense.equalized(c.widthAt(4), 1f, 0f))
                .add("act", act());
    }

    private static LeakyRelu act() {
        return new LeakyRelu(SLOPE, GAIN);
    }
}
