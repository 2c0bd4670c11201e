package ganinv.objective;

import ai.djl.ndarray.NDManager;
import ganinv.UserError;
import ganinv.model.LatentPrior;
import ganinv.model.NetConfig;

import java.util.List;

/** The registry of training methods: the one place that maps a {@code --method} name to a class. */
public final class Methods {
    public static final List<String> NAMES = List.of(LatentRegression.NAME, BiGan.NAME, PlainGan.NAME, Dlsgan.NAME);

    private Methods() {
    }

    public static GanMethod create(String name, NetConfig net, LatentPrior prior, MethodOptions options,
                                   NDManager manager) {
        check(name);
        return switch (name) {
            case LatentRegression.NAME -> new LatentRegression(net, prior, options, manager);
            case BiGan.NAME -> new BiGan(net, prior, options, manager);
            case Dlsgan.NAME -> new Dlsgan(net, prior, options, manager);
            default -> new PlainGan(net, prior, options, manager);
        };
    }

    /**
     * Each method's default settings: Adam at lr 5e-4, β = (0.5, 0.99), except BiGAN, which
     * takes its paper's lr 2e-4, β = (0.5, 0.999) (at 5e-4 its joint D won within 300 steps on
     * shapes and E's codes diverged: latent error 3e5 by step 800), and DLSGAN, which takes its
     * paper's lr 1e-3, β = (0, 0.99), λ_enc = 1, R1 10, decay 2% per epoch.
     */
    public static MethodOptions defaults(String name) {
        check(name);
        return switch (name) {
            case BiGan.NAME -> new MethodOptions(1, true, 2e-4, 0.5, 0.999);
            case Dlsgan.NAME -> new MethodOptions(1, true, 1e-3, 0, 0.99, DlsOptions.PAPER);
            default -> new MethodOptions(1, true, 5e-4, 0.5, 0.99);
        };
    }

    public static void check(String name) {
        if (!NAMES.contains(name)) {
            throw new UserError("--method " + name + ": unknown; choose one of " + String.join(", ", NAMES));
        }
    }
}
