package ganinv.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ganinv.UserError;

/**
 * Where networks, optimiser state, latents and batches live. Every engine manager ganinv makes is
 * made on a device chosen here ({@code --device}); the CPU default is named here and nowhere else,
 * so that no code puts an array on an implicit device (a test scans the sources for it).
 */
public final class Devices {
    /** The device when none is asked for. */
    public static final Device DEFAULT = Device.cpu();

    private Devices() {
    }

    /**
     * {@code cpu}, {@code gpu} (the first GPU) or {@code gpu:N}.
     *
     * @throws UserError for another spelling, or a GPU the engine does not have (with how to give it one)
     */
    public static Device parse(String spec) {
        if (spec == null || spec.equals("cpu")) {
            return DEFAULT;
        }
        int index;
        if (spec.equals("gpu")) {
            index = 0;
        } else if (spec.matches("gpu:\\d{1,3}")) {
            index = Integer.parseInt(spec.substring(4));
        } else {
            throw new UserError("--device " + spec + ": choose cpu, gpu or gpu:N");
        }
        int gpus = Engine.getInstance().getGpuCount();
        if (index >= gpus) {
            throw new UserError("--device " + spec + ": the engine sees " + gpus + " GPU(s); it runs libtorch "
                    + Engine.getInstance().getVersion() + (gpus == 0 ? " for the CPU" : "") + ". For a GPU, give it a CUDA"
                    + " build of libtorch 2.7.1: see the README's 'Devices'");
        }
        return Device.gpu(index);
    }
}
