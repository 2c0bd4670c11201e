package ganinv.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ganinv.data.ImageCodec;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * PSNR and SSIM against scikit-image 0.19 on committed fixtures
 * (made by scripts/make-metric-fixtures.py with Debian's python3-skimage).
 */
class OracleMetricsTest {
    private static final Path DIR = Path.of("src/test/resources/oracle");

    @Test
    void psnrAndSsimAgreeWithScikitImage() throws Exception {
        JsonNode expected = new ObjectMapper().readTree(DIR.resolve("expected.json").toFile());
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            int channels = e.getValue().get("channels").asInt();
            BufferedImage a = ImageCodec.decode(DIR.resolve(e.getKey() + "-a.png"));
            BufferedImage b = ImageCodec.decode(DIR.resolve(e.getKey() + "-b.png"));
            byte[] pa = planes(a, channels);
            byte[] pb = planes(b, channels);
            assertThat(Psnr.of(pa, pb)).as(e.getKey() + " PSNR")
                    .isCloseTo(e.getValue().get("psnr").asDouble(), within(1e-4));
            assertThat(Ssim.of(pa, pb, channels, a.getHeight(), a.getWidth())).as(e.getKey() + " SSIM")
                    .isCloseTo(e.getValue().get("ssim").asDouble(), within(1e-4));
            checked++;
        }
        assertThat(checked).isEqualTo(5);
    }

    private static byte[] planes(BufferedImage image, int channels) {
        byte[] rgb = ImageCodec.rgb8(image);
        return channels == 3 ? rgb : java.util.Arrays.copyOf(rgb, image.getWidth() * image.getHeight());
    }

    @Test
    void identicalImagesScorePerfectly() {
        byte[] x = new byte[3 * 16 * 16];
        for (int i = 0; i < x.length; i++) {
            x[i] = (byte) (i * 7);
        }
        assertThat(Psnr.of(x, x)).isInfinite();
        assertThat(Ssim.of(x, x, 3, 16, 16)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void psnrByHand() {
        // One of four values off by 10: MSE = 25, PSNR = 10·log10(65025 / 25) = 34.1514 dB.
        byte[] a = {0, 0, 0, 0};
        byte[] b = {10, 0, 0, 0};
        assertThat(Psnr.of(a, b)).isCloseTo(10 * Math.log10(65025.0 / 25), within(1e-9));
    }

    @Test
    void imagePairsReportsMeansAndNanSsimBelowTheWindow() {
        ImagePairs pairs = new ImagePairs();
        byte[] a = new byte[8 * 8];
        byte[] b = a.clone();
        b[0] = 10;
        pairs.add("tiny", a, b, 1, 8, 8);
        assertThat(pairs.scores().get(0).ssim()).isNaN();
        assertThat(pairs.meanPsnr()).isCloseTo(10 * Math.log10(65025.0 / (100.0 / 64)), within(1e-9));
    }
}
