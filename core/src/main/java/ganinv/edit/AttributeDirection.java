package ganinv.edit;

import java.util.List;

/**
 * An attribute direction in latent space: the mean code of images with the attribute minus the
 * mean code of images without it (or with another given label), and edits along it.
 */
public final class AttributeDirection {
    private AttributeDirection() {
    }

    /**
     * @param codes N × d row-major, one row per image
     * @param labels the label of each image
     * @param attribute the label that has the attribute
     * @param versus the label to compare with, or -1 for every other label
     * @return the direction [d]
     */
    public static float[] between(float[] codes, int d, List<Integer> labels, int attribute, int versus) {
        double[] with = new double[d];
        double[] without = new double[d];
        int nWith = 0;
        int nWithout = 0;
        for (int i = 0; i < labels.size(); i++) {
            int label = labels.get(i);
            boolean in = label == attribute;
            if (!in && versus >= 0 && label != versus) {
                continue;
            }
            double[] sum = in ? with : without;
            for (int j = 0; j < d; j++) {
                sum[j] += codes[i * d + j];
            }
            if (in) {
                nWith++;
            } else {
                nWithout++;
            }
        }
        if (nWith == 0 || nWithout == 0) {
            throw new IllegalArgumentException("a direction needs images on both sides (" + nWith + " with, "
                    + nWithout + " without)");
        }
        float[] direction = new float[d];
        for (int j = 0; j < d; j++) {
            direction[j] = (float) (with[j] / nWith - without[j] / nWithout);
        }
        return direction;
    }

    /** base + s·direction for each strength s: strengths × d, row-major. */
    public static float[] along(float[] base, float[] direction, double[] strengths) {
        int d = base.length;
        float[] out = new float[strengths.length * d];
        for (int k = 0; k < strengths.length; k++) {
            for (int j = 0; j < d; j++) {
                out[k * d + j] = (float) (base[j] + strengths[k] * direction[j]);
            }
        }
        return out;
    }
}
