package ganinv.objective;

import ganinv.api.types.Method;
import ganinv.api.types.LatentDistribution;
import ai.djl.ndarray.NDManager;
import ganinv.model.NetConfig;

/** The registry of training methods: the one place that maps a {@link Method} to a class. */
public final class Methods {
    private Methods() {
    }

    public static GanMethod create(Method name, NetConfig net, LatentDistribution prior, MethodOptions options,
                                   NDManager manager) {
        return switch (name) {
            case LATENT_REGRESSION -> new LatentRegression(net, prior, options, manager);
            case BIGAN -> new BiGan(net, prior, options, manager);
            case DLSGAN -> new Dlsgan(net, prior, options, manager);
            case GAN -> new PlainGan(net, prior, options, manager);
        };
    }

    /**
     * Each method's default settings: Adam at lr 5e-4, β = (0.5, 0.99), except BiGAN, which
     * takes its paper's lr 2e-4, β = (0.5, 0.999) (at 5e-4 its joint D won within 300 steps on
     * shapes and E's codes diverged: latent error 3e5 by step 800), and DLSGAN, which takes its
     * paper's lr 1e-3, β = (0, 0.99), λ_enc = 1, R1 10, decay 2% per epoch.
     */
    public static MethodOptions defaults(Method name) {
        return switch (name) {
            case BIGAN -> new MethodOptions(1, true, 2e-4, 0.5, 0.999);
            case DLSGAN -> new MethodOptions(1, true, 1e-3, 0, 0.99, DlsOptions.PAPER);
            case LATENT_REGRESSION, GAN -> new MethodOptions(1, true, 5e-4, 0.5, 0.99);
        };
    }
}
