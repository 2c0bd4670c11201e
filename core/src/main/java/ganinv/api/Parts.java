package ganinv.api;

import ganinv.UserError;
import ganinv.api.types.BadInputException;
import ganinv.api.types.GanInvException;

import java.util.Arrays;
import java.util.function.Supplier;

/** Checks and row conversions of {@link PartialEvaluation}'s types, translating internal errors as the API does. */
final class Parts {
    private Parts() {
    }

    static void require(boolean ok, String message) {
        if (!ok) {
            throw new BadInputException(message, null);
        }
    }

    static <T> T call(Supplier<T> body) {
        try {
            return body.get();
        } catch (GanInvException e) {
            throw e;
        } catch (UserError e) {
            throw new BadInputException(e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new GanInvException("ganinv failed: " + e, e);
        }
    }

    /** [N][d] to N·d row-major; every row must have d values. */
    static float[] flatten(float[][] rows, int d, String name) {
        require(rows != null, name + ": null");
        float[] flat = new float[rows.length * d];
        for (int i = 0; i < rows.length; i++) {
            require(rows[i] != null && rows[i].length == d, name + "[" + i + "]: must have " + d + " values");
            System.arraycopy(rows[i], 0, flat, i * d, d);
        }
        return flat;
    }

    /** N·d row-major to [N][d]. */
    static float[][] rows(float[] flat, int d) {
        float[][] out = new float[flat.length / d][];
        for (int i = 0; i < out.length; i++) {
            out[i] = Arrays.copyOfRange(flat, i * d, (i + 1) * d);
        }
        return out;
    }
}
