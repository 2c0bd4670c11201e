package ganinv.edit;

/** Paths between two latent codes. Pure arithmetic on float arrays. */
public final class Interpolation {
    private Interpolation() {
    }

    /**
     * {@code frames} codes from a to b inclusive, evenly spaced in t: linear a + t·(b − a), or
     * spherical (Shoemake's slerp, the path that keeps a Gaussian code's norm typical), which
     * falls back to linear when a and b are (anti)parallel within 1e-6.
     *
     * @return frames × d, row-major
     */
    public static float[] path(float[] a, float[] b, int frames, boolean slerp) {
        int d = a.length;
        float[] out = new float[frames * d];
        double omega = slerp ? angle(a, b) : 0;
        boolean spherical = slerp && Math.sin(omega) > 1e-6;
        for (int f = 0; f < frames; f++) {
            double t = frames == 1 ? 0 : (double) f / (frames - 1);
            double wa = spherical ? Math.sin((1 - t) * omega) / Math.sin(omega) : 1 - t;
            double wb = spherical ? Math.sin(t * omega) / Math.sin(omega) : t;
            for (int i = 0; i < d; i++) {
                out[f * d + i] = (float) (wa * a[i] + wb * b[i]);
            }
        }
        // The ends are the codes themselves, not a rounding of them.
        System.arraycopy(a, 0, out, 0, d);
        if (frames > 1) {
            System.arraycopy(b, 0, out, (frames - 1) * d, d);
        }
        return out;
    }

    private static double angle(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * (double) b[i];
            na += a[i] * (double) a[i];
            nb += b[i] * (double) b[i];
        }
        double cos = dot / Math.sqrt(na * nb);
        return Math.acos(Math.max(-1, Math.min(1, Double.isNaN(cos) ? 1 : cos)));
    }
}
