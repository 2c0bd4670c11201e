package ganinv.api;

import ganinv.api.types.Architecture;
import ganinv.api.types.GeneratorOutput;
import ganinv.api.types.Method;


/**
 * The default recipe, stated once: what {@code ganinv train}, {@code demo}, {@code compare} and
 * {@link Training#builder} use unless told otherwise. DLSGAN on the dcgan-up family inverts best on
 * real data (Fashion-MNIST, trained on the train file and measured on the test file) at a budget of
 * minutes on a CPU. Three settings depart from the DLSGAN paper's network, each because a start
 * died or collapsed without it (docs/stability.md has the ablation and the commands):
 * <ul>
 *   <li>G ends linear, not in tanh: G could drive every pixel to −1, where tanh's gradient vanishes,
 *   and D then won for good;</li>
 *   <li>z also scales the channels of every stage of G, so that it picks each stage's channel mix:
 *   without it every sample of a moment had one colour;</li>
 *   <li>D's adversarial output sees the minibatch standard deviation over groups of 4 images (its
 *   latent head does not), so that a batch of one colour looks fake.</li>
 * </ul>
 * The other settings are the paper's (see {@link TrainingBuilder}). The linear output is every
 * method's (with tanh a third of the other methods' shapes starts died the same way); the modulation
 * and the minibatch statistic are DLSGAN's alone: with the modulated G, latent-regression's D won on
 * every shapes start, and the other methods live without the statistic.
 */
public final class Recipe {
    /** The training method: {@link Method#DLSGAN}. */
    public static final Method METHOD = Method.DLSGAN;
    /** The network family: {@link Architecture#DCGAN_UP}. */
    public static final Architecture ARCHITECTURE = Architecture.DCGAN_UP;
    /** What ends dcgan-up's G, for every method: {@link GeneratorOutput#LINEAR}. */
    public static final GeneratorOutput G_OUTPUT = GeneratorOutput.LINEAR;
    /** Whether z scales the channels of every stage of dcgan-up's G under DLSGAN: true (the other methods: false). */
    public static final boolean G_MODULATION = true;
    /** Images per group of the batch statistic D's adversarial output sees (dlsgan): 4. */
    public static final int MINIBATCH_STD = 4;

    private Recipe() {
    }
}
