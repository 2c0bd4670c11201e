package ganinv.serve;

import com.fasterxml.jackson.databind.JsonNode;

/** Codes in request bodies: a JSON array of d finite numbers, or a 400 that says what is wrong. */
final class Codes {
    private Codes() {
    }

    static float[] of(JsonNode node, String field, int d) {
        if (node == null || !node.isArray()) {
            throw HttpError.badRequest(field + ": expected an array of " + d + " numbers");
        }
        if (node.size() != d) {
            throw HttpError.badRequest(field + ": a code has d = " + d + " values, got " + node.size());
        }
        float[] code = new float[d];
        for (int i = 0; i < d; i++) {
            JsonNode v = node.get(i);
            if (v == null || !v.isNumber() || !Float.isFinite(v.floatValue())) {
                throw HttpError.badRequest(field + "[" + i + "]: not a finite number");
            }
            code[i] = v.floatValue();
        }
        return code;
    }

    static float[][] list(JsonNode node, String field, int d, int max) {
        if (node == null || !node.isArray() || node.isEmpty() || node.size() > max) {
            throw HttpError.badRequest(field + ": expected 1 to " + max + " codes");
        }
        float[][] out = new float[node.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = of(node.get(i), field + "[" + i + "]", d);
        }
        return out;
    }
}
