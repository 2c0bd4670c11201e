package ganinv.api;

import ganinv.api.types.InvertMode;
import ganinv.invert.EncoderInverter;
import ganinv.invert.InversionProgress;
import ganinv.invert.Inverter;
import ganinv.invert.OptimizationInverter;
import ganinv.train.TrainedRun;

import java.util.List;

/**
 * How {@link GanRun} inverts: encoder passes beside other readers, optimisation and hybrid with
 * the run (and the JVM's gradient lock) to themselves.
 */
final class Inverting {
    private Inverting() {
    }

    /** Codes [N][d] for 8-bit images [C, R, R] at the run's shape, with the objective's trace. */
    static Inversion run(Session session, TrainedRun trained, List<byte[]> pixels, InvertSettings settings,
                         ProgressListener progress) {
        Guard.require(settings != null, "settings: null; use InvertSettings.encoder() or InvertSettings.builder()");
        InversionProgress told = progress == null ? InversionProgress.NONE : progress::progress;
        int d = trained.method().net().latentDim();
        if (settings.mode() == InvertMode.ENCODER) {
            return session.read(() -> {
                trained.requireEncoder();
                return of(new EncoderInverter(trained.method(), trained.manager(), settings.batch()).invert(pixels, told), d);
            });
        }
        return session.exclusive(() -> {
            if (settings.mode() == InvertMode.HYBRID) {
                trained.requireEncoder();
            }
            Inverter inverter = new OptimizationInverter(trained.method(), trained.manager(), settings.optimizer(),
                    settings.mode() == InvertMode.HYBRID);
            return of(inverter.invert(pixels, told), d);
        });
    }

    private static Inversion of(ganinv.invert.Inversion inside, int d) {
        return new Inversion(Codes.rows(inside.codes(), d), inside.lossHistory());
    }
}
