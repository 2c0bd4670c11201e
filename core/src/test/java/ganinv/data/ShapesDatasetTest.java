package ganinv.data;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShapesDatasetTest {
    @Test
    void sameSeedSameImagesInAnyOrder() {
        ShapesDataset a = new ShapesDataset(7, Dataset.INFINITE, 32, 3);
        ShapesDataset b = new ShapesDataset(7, Dataset.INFINITE, 32, 3);
        byte[] late = b.pixels(1000);
        assertThat(a.pixels(1000)).isEqualTo(late);
        assertThat(a.pixels(3)).isEqualTo(b.pixels(3));
        assertThat(a.label(5)).isEqualTo(b.label(5));
    }

    @Test
    void differentSeedDifferentImages() {
        assertThat(new ShapesDataset(1, 10, 32, 3).pixels(0)).isNotEqualTo(new ShapesDataset(2, 10, 32, 3).pixels(0));
    }

    @Test
    void allThreeClassesAppearAndLabelsMatchFactors() {
        ShapesDataset s = new ShapesDataset(0, 300, 16, 3);
        int[] counts = new int[3];
        for (int i = 0; i < 300; i++) {
            counts[s.label(i)]++;
            assertThat(s.factors(i).shape()).isEqualTo(s.label(i));
        }
        assertThat(java.util.Arrays.stream(counts).min().getAsInt()).isGreaterThan(60);
        assertThat(s.classNames()).containsExactly("circle", "square", "triangle");
    }

    @Test
    void shapeIsBrighterThanItsDarkBackground() {
        ShapesDataset s = new ShapesDataset(3, 10, 32, 3);
        for (int i = 0; i < 10; i++) {
            ShapesDataset.Factors f = s.factors(i);
            byte[] p = s.pixels(i);
            int cx = (int) (f.centreX() * 32);
            int cy = (int) (f.centreY() * 32);
            int centre = p[cy * 32 + cx] & 0xff;
            int corner = p[0] & 0xff;
            assertThat(centre).as("image " + i).isGreaterThan(corner);
            assertThat(corner).isLessThanOrEqualTo(64);
        }
    }

    @Test
    void sizesAndChannels() {
        assertThat(new ShapesDataset(0, 1, 64, 3).pixels(0)).hasSize(3 * 64 * 64);
        assertThat(new ShapesDataset(0, 1, 16, 1).pixels(0)).hasSize(16 * 16);
        assertThatThrownBy(() -> new ShapesDataset(0, 1, 24, 3)).isInstanceOf(ganinv.UserError.class).hasMessageContaining("16, 32 or 64");
        assertThatThrownBy(() -> new ShapesDataset(0, 5, 16, 3).pixels(5)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
