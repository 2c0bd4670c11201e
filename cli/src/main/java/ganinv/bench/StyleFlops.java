package ganinv.bench;

import ganinv.model.NetConfig;

import java.util.stream.LongStream;

/**
 * Per-image FLOPs of the stylegan2 family's layers, in the order they run, for {@link StepFlops}
 * (2 per multiply-add; a modulated convolution counts its affine layer, its convolution and its
 * demodulation product; upsampling, activations and pooling are left out).
 */
final class StyleFlops {
    private StyleFlops() {
    }

    /** Mapping FCs; per resolution r = 4..R: (r > 4: ModConv3x3 w(r/2) → w(r)), ModConv3x3 w(r) → w(r), toRGB. */
    static long[] generator(NetConfig c) {
        long d = c.latentDim();
        LongStream.Builder l = LongStream.builder();
        for (int i = 0; i < c.mappingLayers(); i++) {
            l.add(2 * d * d);
        }
        for (int r = 4; r <= c.resolution(); r *= 2) {
            if (r > 4) {
                l.add(modConv(d, c.widthAt(r / 2), c.widthAt(r), 3, r));
            }
            l.add(modConv(d, c.widthAt(r), c.widthAt(r), 3, r));
            l.add(modConv(d, c.widthAt(r), c.channels(), 1, r));
        }
        return l.build().toArray();
    }

    /** fromRGB; per r = R..8: conv0, conv1, 1x1 skip at r/2; conv at 4x4; FC; the head FC (last). */
    static long[] discriminator(NetConfig c, int outputs) {
        LongStream.Builder l = LongStream.builder().add(conv(c.channels(), c.widthAt(c.resolution()), 1, c.resolution()));
        for (int r = c.resolution(); r > 4; r /= 2) {
            l.add(conv(c.widthAt(r), c.widthAt(r), 3, r));
            l.add(conv(c.widthAt(r), c.widthAt(r / 2), 3, r));
            l.add(conv(c.widthAt(r), c.widthAt(r / 2), 1, r / 2));
        }
        long w4 = c.widthAt(4);
        return l.add(conv(w4, w4, 3, 4)).add(2L * 16 * w4 * w4).add(2L * w4 * outputs).build().toArray();
    }

    private static long modConv(long d, long in, long out, int k, long r) {
        return 2 * d * in + conv(in, out, k, r) + 2 * in * out;
    }

    private static long conv(long in, long out, int k, long r) {
        return 2L * k * k * in * out * r * r;
    }
}
