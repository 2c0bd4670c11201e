package ganinv.objective;

import ai.djl.ndarray.NDManager;
import ganinv.UserError;
import ganinv.model.LatentPrior;
import ganinv.model.NetConfig;

import java.util.List;

/** The registry of training methods: the one place that maps a {@code --method} name to a class. */
public final class Methods {
    public static final List<String> NAMES = List.of(LatentRegression.NAME);

    private Methods() {
    }

    public static GanMethod create(String name, NetConfig net, LatentPrior prior, MethodOptions options,
                                   NDManager manager) {
        if (LatentRegression.NAME.equals(name)) {
            return new LatentRegression(net, prior, options, manager);
        }
        throw new UserError("--method " + name + ": unknown; choose one of " + String.join(", ", NAMES));
    }

    public static void check(String name) {
        if (!NAMES.contains(name)) {
            throw new UserError("--method " + name + ": unknown; choose one of " + String.join(", ", NAMES));
        }
    }
}
