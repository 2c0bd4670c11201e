package ganinv.model;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * A scope in which the calling thread records no autograd graph. libtorch's grad mode is per
 * thread and DJL switches it off only on the thread that starts the engine, so on any other
 * thread (a pool, a Spark task, a web server's handler) forward passes would build graphs and
 * loading weights in place would fail ("a leaf Variable that requires grad is being used in an
 * in-place operation"). Gradient collectors inside the scope switch it on for themselves.
 */
public final class NoGrad implements AutoCloseable {
    private final boolean before;

    public NoGrad() {
        Engine.getInstance();
        before = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
    }

    @Override
    public void close() {
        JniUtils.setGradMode(before);
    }
}
