package ganinv.api;

import java.util.Arrays;

/** Between the API's [N][d] codes and the internals' row-major N·d arrays, with the length checks. */
final class Codes {
    private Codes() {
    }

    static void check(float[] code, int d, String name) {
        Guard.require(code != null && code.length == d, name + ": a code must have d = " + d
                + " values, got " + (code == null ? "null" : code.length));
    }

    /** [N][d] to N·d row-major. */
    static float[] flatten(float[][] codes, int d, String name) {
        Guard.require(codes != null && codes.length > 0, name + ": none given");
        float[] flat = new float[codes.length * d];
        for (int i = 0; i < codes.length; i++) {
            check(codes[i], d, name + "[" + i + "]");
            System.arraycopy(codes[i], 0, flat, i * d, d);
        }
        return flat;
    }

    /** As {@link #flatten}, allowing N = 0. */
    static float[] flatten0(float[][] rows, int d, String name) {
        Guard.require(rows != null, name + ": null");
        return rows.length == 0 ? new float[0] : flatten(rows, d, name);
    }

    /** N·d row-major to [N][d]. */
    static float[][] rows(float[] flat, int d) {
        float[][] out = new float[flat.length / d][];
        for (int i = 0; i < out.length; i++) {
            out[i] = Arrays.copyOfRange(flat, i * d, (i + 1) * d);
        }
        return out;
    }

    /** A deep copy of [N][d] rows. */
    static float[][] copy(float[][] rows) {
        float[][] out = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = rows[i].clone();
        }
        return out;
    }
}
