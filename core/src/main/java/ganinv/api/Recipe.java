package ganinv.api;

/**
 * The default recipe, stated once: the method and network that {@code ganinv train},
 * {@code demo}, {@code compare} and {@link Training#builder} use unless told otherwise. DLSGAN on
 * the dcgan-up family inverts best on real data (Fashion-MNIST, trained on the train file and
 * measured on the test file) at a budget of minutes on a CPU; the other settings default to the
 * DLSGAN paper's (see {@link TrainingBuilder}).
 */
public final class Recipe {
    /** The training method: {@link Method#DLSGAN}. */
    public static final Method METHOD = Method.DLSGAN;
    /** The network family: {@link Architecture#DCGAN_UP}. */
    public static final Architecture ARCHITECTURE = Architecture.DCGAN_UP;

    private Recipe() {
    }
}
