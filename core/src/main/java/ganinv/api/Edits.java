package ganinv.api;

import ganinv.edit.AttributeDirection;
import ganinv.edit.Interpolation;

import java.util.Arrays;

/**
 * Arithmetic on latent codes, as {@code interpolate}, {@code edit} and {@code direction} do it:
 * pure functions of float arrays, no run needed. Every code of one call must have the same length d.
 */
public final class Edits {
    private Edits() {
    }

    /**
     * Codes on the path from a to b, both ends included.
     *
     * @param a start code [d]
     * @param b end code [d]
     * @param frames codes on the path, at least 2
     * @param spherical slerp (keeps a Gaussian code's norm typical) instead of a straight line
     * @return [frames][d]
     */
    public static float[][] interpolate(float[] a, float[] b, int frames, boolean spherical) {
        int d = length(a, "a");
        Codes.check(b, d, "b");
        Guard.require(frames >= 2, "frames " + frames + ": must be at least 2 (both ends are included)");
        return Codes.rows(Interpolation.path(a, b, frames, spherical), d);
    }

    /**
     * @param code a code [d]
     * @param direction a direction in code space [d], e.g. from {@link #attributeDirection}
     * @param strength how far to move along it
     * @return code + strength·direction, [d]
     */
    public static float[] applyDirection(float[] code, float[] direction, double strength) {
        Codes.check(direction, length(code, "code"), "direction");
        return AttributeDirection.along(code, direction, new double[] {strength});
    }

    /**
     * The direction from the mean code of one labelled group to another's, as {@code ganinv direction}.
     *
     * @param codes [N][d]
     * @param labels one label per code, [N]
     * @param attribute the label of the codes that have the attribute
     * @param versus the label of the codes that do not
     * @return mean(codes labelled attribute) − mean(codes labelled versus), [d]
     * @throws BadInputException when either label has no code
     */
    public static float[] attributeDirection(float[][] codes, int[] labels, int attribute, int versus) {
        Guard.require(codes != null && codes.length > 0, "codes: none given");
        int d = length(codes[0], "codes[0]");
        float[] flat = Codes.flatten(codes, d, "codes");
        Guard.require(labels != null && labels.length == codes.length, "labels: need one label per code");
        return Guard.call(() -> AttributeDirection.between(flat, d, Arrays.stream(labels).boxed().toList(), attribute, versus));
    }

    private static int length(float[] code, String name) {
        Guard.require(code != null && code.length > 0, name + ": a code needs at least one value");
        return code.length;
    }
}
