package ganinv.metrics;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ColourSpreadTest {
    /** One red and one black 2x2 image: the red channel's means are 1 and 0 (σ 0.5), the others 0 and 0; mean 1/6. */
    @Test
    void handWorkedRgb() {
        byte[] red = {(byte) 255, (byte) 255, (byte) 255, (byte) 255, 0, 0, 0, 0, 0, 0, 0, 0};
        byte[] black = new byte[12];
        assertThat(ColourSpread.of(List.of(red, black), 3)).isCloseTo(0.5 / 3, within(1e-12));
    }

    /** Means 0.2, 0.4, 0.6 (of 51, 102, 153 over 2 pixels): σ = sqrt(((−0.2)² + 0 + 0.2²)/3). */
    @Test
    void handWorkedGray() {
        byte[] a = {51, 51};
        byte[] b = {(byte) 102, (byte) 102};
        byte[] c = {(byte) 153, (byte) 153};
        assertThat(ColourSpread.of(List.of(a, b, c), 1)).isCloseTo(Math.sqrt(0.08 / 3), within(1e-12));
    }

    /** Images that differ in shape but share their mean colour have no spread; one image has none to measure. */
    @Test
    void sameMeanColourIsNoSpread() {
        byte[] left = {(byte) 200, 0};
        byte[] right = {0, (byte) 200};
        assertThat(ColourSpread.of(List.of(left, right), 1)).isCloseTo(0, within(1e-12));
        assertThat(ColourSpread.of(List.of(left), 1)).isNaN();
    }
}
