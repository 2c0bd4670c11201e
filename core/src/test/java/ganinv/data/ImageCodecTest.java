package ganinv.data;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageCodecTest {
    /** The fit as it was written first: the whole crop as float planes, then one resize. */
    static byte[] wholeImageFit(BufferedImage image, int channels, int resolution) {
        int w = image.getWidth();
        int h = image.getHeight();
        int side = Math.min(w, h);
        int x0 = (w - side) / 2;
        int y0 = (h - side) / 2;
        byte[] rgb = ImageCodec.rgb8(image);
        float[] planes = new float[3 * side * side];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    planes[(c * side + y) * side + x] = rgb[(c * h + y0 + y) * w + x0 + x] & 0xff;
                }
            }
        }
        return ImageCodec.fitPlanes(planes, 3, side, channels, resolution);
    }

    static BufferedImage random(int type, int w, int h, long seed) {
        BufferedImage image = new BufferedImage(w, h, type);
        Random r = new Random(seed);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, r.nextInt());
            }
        }
        if (type == BufferedImage.TYPE_USHORT_GRAY) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    image.getRaster().setSample(x, y, 0, r.nextInt(65536));
                }
            }
        }
        return image;
    }

    @Test
    void rowAtATimeFitEqualsTheWholeImageFitBitwise() {
        int[] types = {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_3BYTE_BGR,
                BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_USHORT_GRAY};
        int[][] sizes = {{37, 23}, {23, 37}, {16, 16}, {61, 61}, {5, 9}};
        long seed = 0;
        for (int type : types) {
            for (int[] size : sizes) {
                BufferedImage image = random(type, size[0], size[1], seed++);
                for (int channels : new int[] {1, 3}) {
                    for (int resolution : new int[] {4, 8, 16, 32}) {
                        assertThat(ImageCodec.fit(image, channels, resolution))
                                .as("type %d, %dx%d, C %d, R %d", type, size[0], size[1], channels, resolution)
                                .containsExactly(wholeImageFit(image, channels, resolution));
                    }
                }
            }
        }
    }

    @Test
    void aHeaderThatClaimsMoreThanTheLimitIsRefusedBeforeDecoding() throws Exception {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(300, 200, BufferedImage.TYPE_BYTE_GRAY), "png", png);
        byte[] bytes = png.toByteArray();
        assertThat(ImageCodec.decode(bytes, "ok.png", 60_000).getWidth()).isEqualTo(300);
        assertThatThrownBy(() -> ImageCodec.decode(bytes, "big.png", 59_999)).isInstanceOf(ImageCodec.TooLarge.class)
                .hasMessage("big.png: 300x200 = 60000 pixels, more than the limit of 59999 (--max-pixels);"
                        + " shrink the image or raise the limit");
        assertThat(ImageCodec.DEFAULT_MAX_PIXELS).isEqualTo(100_000_000L);
    }
}
