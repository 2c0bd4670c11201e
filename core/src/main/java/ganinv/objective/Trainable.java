package ganinv.objective;

import ai.djl.ndarray.NDArray;
import ganinv.model.Network;

import java.util.Map;

/**
 * Anything a loop trains and a checkpoint saves: named networks and the optimizers that update
 * them. A GAN method is one; fitting an encoder to a frozen generator is another.
 */
public interface Trainable {
    /** The name shown in logs and in checkpoint errors. */
    String name();

    /** Every network by name, in a fixed order; checkpoints save all of them. */
    Map<String, Network> networks();

    /** Every optimizer by the name of the network it updates. */
    Map<String, Adam> optimizers();

    /** Other state a resume needs (e.g. DLSGAN's latent scale), by name; live arrays restored in place. */
    default Map<String, NDArray> buffers() {
        return Map.of();
    }
}
