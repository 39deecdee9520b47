package org.unrolled.export;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;

/** Runs work on the JavaFX thread from another thread and waits for its result. */
public final class FxThread {
    private FxThread() {
    }

    /** The result of {@code work}, run on the FX thread; its exception is rethrown here. */
    public static <T> T call(Callable<T> work) throws Exception {
        if (Platform.isFxApplicationThread()) {
            return work.call();
        }
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> error = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                result.set(work.call());
            } catch (Exception | Error e) {
                error.set(e); // an Error too (out of memory): the caller must not take unfinished work for done
            } finally {
                done.countDown();
            }
        });
        done.await();
        Throwable e = error.get();
        if (e instanceof Error fatal) {
            throw fatal;
        }
        if (e != null) {
            throw (Exception) e;
        }
        return result.get();
    }
}
