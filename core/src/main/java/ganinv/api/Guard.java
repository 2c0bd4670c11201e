package ganinv.api;

import ganinv.api.types.BadInputException;
import ganinv.api.types.GanInvException;
import ganinv.UserError;

import java.util.function.Supplier;

/**
 * The API's edge: internal user errors become {@link BadInputException}, anything else the
 * engine or the JDK throws becomes {@link GanInvException}, so no internal or engine type
 * reaches a caller.
 */
final class Guard {
    private Guard() {
    }

    static <T> T call(Supplier<T> body) {
        try {
            return body.get();
        } catch (GanInvException e) {
            throw e;
        } catch (ganinv.train.Interrupted e) {
            throw new TrainingInterruptedException(e.getMessage(), e);      // says where it stopped and how to resume
        } catch (ganinv.train.TrainingFailed e) {
            throw new TrainingFailedException(e.getMessage(), e);
        } catch (ganinv.data.ImageCodec.TooLarge e) {
            throw new ImageTooLargeException(e.getMessage(), e);
        } catch (ganinv.FileAccessError e) {
            throw new FileAccessException(e.getMessage(), e);
        } catch (UserError e) {
            throw new BadInputException(e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new GanInvException("ganinv failed: " + firstLine(e), e);
        }
    }

    static void run(Runnable body) {
        call(() -> {
            body.run();
            return null;
        });
    }

    /** A precondition on the caller's arguments. */
    static void require(boolean ok, String message) {
        if (!ok) {
            throw new BadInputException(message, null);
        }
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m.lines().findFirst().orElse(m));
    }
}
