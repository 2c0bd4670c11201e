package ganinv.api;

import java.util.Arrays;

/**
 * An attribute direction in latent space: the mean code of images with the attribute minus the
 * mean code of the others. Immutable: the vector is copied in and out.
 *
 * @param vector the direction, [d]
 * @param attribute the class name that has the attribute
 * @param versus the class name compared with, or null for every other class
 * @param images how many labelled images were encoded
 */
public record Direction(float[] vector, String attribute, String versus, long images) {
    /**
     * @param vector as above
     * @param attribute as above
     * @param versus as above
     * @param images as above
     */
    public Direction {
        vector = vector.clone();
    }

    /** @return a copy of the vector, [d] */
    @Override
    public float[] vector() {
        return vector.clone();
    }

    /** @return its Euclidean length */
    public double norm() {
        double sum = 0;
        for (float v : vector) {
            sum += v * v;
        }
        return Math.sqrt(sum);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Direction x && Arrays.equals(vector, x.vector) && attribute.equals(x.attribute)
                && java.util.Objects.equals(versus, x.versus) && images == x.images;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(vector) * 31 + attribute.hashCode();
    }

    @Override
    public String toString() {
        return "Direction[" + attribute + " - " + (versus == null ? "the rest" : versus) + ", " + images + " images]";
    }
}
