package org.unrolled.app;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * The document's one serial background worker. Every open, edit, undo or redo is a request with a
 * generation number; a result is shown only if no newer request came since, and a request that a
 * newer one already waits behind is skipped (a slider dragged over a large scenario computes the
 * newest value, not every value it passed). Results and failures arrive on the JavaFX thread.
 */
final class DocumentWorker {
    private final Executor executor;
    private final AtomicLong generation = new AtomicLong();

    DocumentWorker(Executor executor) {
        this.executor = executor;
    }

    /** A new request: older ones still running are not shown when they finish. */
    long request() {
        return generation.incrementAndGet();
    }

    boolean isNewest(long request) {
        return request == generation.get();
    }

    /**
     * Runs {@code work} for {@code request} on the worker; {@code done} gets its result if it is still
     * the newest request, {@code failed} whatever it threw (a file that cannot be read, a scenario too
     * large for memory). With {@code skipIfStale} it does not even start once a newer request is queued.
     */
    <T> void run(long request, boolean skipIfStale, Callable<T> work, Consumer<T> done, Consumer<Throwable> failed) {
        executor.execute(() -> {
            if (skipIfStale && !isNewest(request)) {
                return; // a newer request is queued behind this one: skip straight to it
            }
            try {
                T result = work.call();
                Platform.runLater(() -> {
                    if (isNewest(request)) {
                        done.accept(result);
                    }
                });
            } catch (Exception | Error e) {
                Platform.runLater(() -> failed.accept(e));
            }
        });
    }

    /** Runs {@code r} on the worker, in order with the requests (a save writes what was asked before it). */
    void execute(Runnable r) {
        executor.execute(r);
    }
}
