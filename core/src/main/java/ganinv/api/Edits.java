package ganinv.api;

import ganinv.api.types.BadInputException;
import ganinv.UserError;
import ganinv.data.DataSpec;
import ganinv.data.Dataset;
import ganinv.invert.EncoderInverter;
import java.util.ArrayList;
import java.util.List;

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

    /**
     * The values a traversal sets each element to, as {@code ganinv traverse --range --steps}.
     *
     * @param range the values run from −range to +range
     * @param steps how many (1 gives 0)
     * @return evenly spaced values, both ends included
     */
    public static float[] traversalValues(double range, int steps) {
        Guard.require(steps >= 1 && range > 0 && !Double.isInfinite(range), "traversal: steps >= 1 and a positive range");
        return ganinv.edit.Traversal.values(range, steps);
    }

    /**
     * The direction {@code ganinv direction} writes: {@code count} labelled images of {@code data}
     * encoded by the run's encoder, the mean code of those labelled {@code attribute} minus the
     * mean code of the rest (or of those labelled {@code versus}).
     *
     * @param run an open run with an encoder
     * @param data labelled images: shapes, a folder with class subfolders, IDX with labels, CIFAR-10
     * @param attribute a class name or number
     * @param versus a class name or number, or null for every other class
     * @param count images to read (from a larger source, drawn at random with {@code seed})
     * @param seed the seed of that draw (the command's default: 7)
     * @return the direction
     * @throws BadInputException for data without labels, a label it does not have, or too few images of a class
     */
    public static Direction attributeDirection(GanRun run, String data, String attribute, String versus, long count,
                                               long seed) {
        Guard.require(run != null && data != null && attribute != null, "direction: run, data and attribute are needed");
        Guard.require(count >= 2, "--count " + count + ": must be at least 2");
        return run.withRun(trained -> {
            trained.requireEncoder();
            var net = trained.method().net();
            Dataset set = DataSpec.parse(data).open(net.channels(), net.resolution(), seed, count, System.err);
            if (!set.hasLabels()) {
                throw new UserError("--data " + data + ": has no labels; use a folder with class subfolders, IDX with its"
                        + " labels file, CIFAR-10 or shapes");
            }
            int with = labelOf(set, attribute, "--attribute");
            int other = versus == null ? -1 : labelOf(set, versus, "--versus");
            long n = set.size() < 0 ? count : Math.min(count, set.size());
            List<byte[]> images = new ArrayList<>();
            List<Integer> labels = new ArrayList<>();
            for (long i = 0; i < n; i++) {
                images.add(set.pixels(i));
                labels.add(set.label(i));
            }
            float[] codes = new EncoderInverter(trained.method(), trained.manager(), 64).invert(images).codes();
            try {
                float[] vector = AttributeDirection.between(codes, net.latentDim(), labels, with, other);
                return new Direction(vector, set.classNames().get(with), other < 0 ? null : set.classNames().get(other), n);
            } catch (IllegalArgumentException e) {
                throw new UserError("--data " + data + ": " + e.getMessage() + " among the " + n + " images read; raise --count");
            }
        });
    }

    private static int labelOf(Dataset set, String name, String flag) {
        List<String> names = set.classNames();
        int at = names.indexOf(name);
        if (at < 0 && name.matches("\\d+") && Integer.parseInt(name) < names.size()) {
            at = Integer.parseInt(name);
        }
        if (at < 0) {
            throw new UserError(flag + " " + name + ": not a label of this data; its labels are " + String.join(", ", names));
        }
        return at;
    }

    private static int length(float[] code, String name) {
        Guard.require(code != null && code.length > 0, name + ": a code needs at least one value");
        return code.length;
    }
}
