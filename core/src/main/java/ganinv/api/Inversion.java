package ganinv.api;

import java.util.Arrays;

/**
 * Codes found for images, with the objective's trace. Immutable: arrays are copied in and out,
 * and equality compares contents.
 *
 * @param codes one code per image, [N][d], in the units {@link GanRun#render} takes
 * @param lossHistory optimisation and hybrid: the mean objective (over images and restarts) at
 *                    each step's iterate; empty for the encoder
 */
public record Inversion(float[][] codes, double[] lossHistory) {
    /**
     * @param codes as above
     * @param lossHistory as above
     */
    public Inversion {
        codes = Codes.copy(codes);
        lossHistory = lossHistory.clone();
    }

    /** @return a copy of the codes, [N][d] */
    @Override
    public float[][] codes() {
        return Codes.copy(codes);
    }

    /** @return a copy of the trace */
    @Override
    public double[] lossHistory() {
        return lossHistory.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Inversion i && Arrays.deepEquals(codes, i.codes) && Arrays.equals(lossHistory, i.lossHistory);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.deepHashCode(codes) + Arrays.hashCode(lossHistory);
    }

    @Override
    public String toString() {
        return "Inversion[" + codes.length + " codes, " + lossHistory.length + " steps]";
    }
}
