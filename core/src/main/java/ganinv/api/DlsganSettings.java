package ganinv.api;

import ganinv.api.types.EncoderLossOn;
import ganinv.api.types.ScaleTracker;
import ganinv.api.types.Updates;


/**
 * The settings of {@link TrainingBuilder} that only DLSGAN reads, one setter per {@code ganinv
 * train} flag with the flag's default; given for another method, {@link Training} refuses them.
 */
abstract sealed class DlsganSettings permits TrainingBuilder {
    double r1Weight = 10;
    double lrDecay = 0.98;
    ScaleTracker scaleTracker = ScaleTracker.RING;
    EncoderLossOn encoderLossOn = EncoderLossOn.DG;
    boolean dynamicScale = true;
    Updates updates = Updates.SIMULTANEOUS;
    boolean augment = false;
    int minibatchStd = Recipe.MINIBATCH_STD;

    /** Records that {@code flag} was set explicitly.
     * @param flag the flag
     * @return the builder */
    abstract TrainingBuilder mark(String flag);

    /** {@code --r1-weight}: dlsgan: lambda_r1 of lambda_r1·||∇ₓD(x)||²; default 10.
     * @param value the setting
     * @return this builder */
    public TrainingBuilder r1Weight(double value) {
        this.r1Weight = value;
        return mark("--r1-weight");
    }

    /** {@code --minibatch-std}: dlsgan: images per group of the batch statistic D's adversarial output sees, 0 for none; default {@link Recipe#MINIBATCH_STD}.
     * @param value the setting
     * @return this builder */
    public TrainingBuilder minibatchStd(int value) {
        this.minibatchStd = value;
        return mark("--minibatch-std");
    }

    /** {@code --lr-decay}: dlsgan: learning-rate factor per epoch; default 0.98.
     * @param value the setting
     * @return this builder */
    public TrainingBuilder lrDecay(double value) {
        this.lrDecay = value;
        return mark("--lr-decay");
    }

    /** {@code --scale-tracker}: dlsgan: ring or ema; default ring.
     * @param value the setting
     * @return this builder */
    public TrainingBuilder scaleTracker(ScaleTracker value) {
        this.scaleTracker = TrainingBuilder.require(value, "scaleTracker");
        return mark("--scale-tracker");
    }

    /** {@code --encoder-loss-on}: dlsgan: dg or d; default dg.
     * @param value the setting
     * @return this builder */
    public TrainingBuilder encoderLossOn(EncoderLossOn value) {
        this.encoderLossOn = TrainingBuilder.require(value, "encoderLossOn");
        return mark("--encoder-loss-on");
    }

    /** {@code --no-dls}: dlsgan: false keeps the latent scale s = 1 (the paper's No DLS); default true.
     * @param value the setting
     * @return this builder */
    public TrainingBuilder dynamicScale(boolean value) {
        this.dynamicScale = value;
        return mark("--no-dls");
    }

    /** {@code --updates}: dlsgan: simultaneous or alternating; default simultaneous.
     * @param value the setting
     * @return this builder */
    public TrainingBuilder updates(Updates value) {
        this.updates = TrainingBuilder.require(value, "updates");
        return mark("--updates");
    }

    /** {@code --augment}: dlsgan: differentiable augmentation of D's adversarial inputs; default false.
     * @param value the setting
     * @return this builder */
    public TrainingBuilder augment(boolean value) {
        this.augment = value;
        return mark("--augment");
    }
}
