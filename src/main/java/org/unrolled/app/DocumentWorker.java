package org.unrolled.app;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.unrolled.engine.Engine;
import org.unrolled.engine.Scenario;
import org.unrolled.engine.Trace;

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

    /** Recomputes at once below this much work (multiply-adds per pass), in the background above. */
    static final long SYNC_WORK_LIMIT = 3_000_000;

    /** Multiply-adds of one pass of {@code s}, roughly: what decides between at once and the worker. */
    static long work(Scenario s) {
        long steps = (long) s.inputCount() + s.targetCount();
        long g = s.cell().gateCount();
        return steps * g * s.hiddenSize() * (s.inputSize() + s.hiddenSize()) * 3;
    }

    /**
     * The trace and what every view derives from it (the gradient scale, the recurrent spectra), all
     * computed here, on the worker for a large scenario, so that no view computes them on the JavaFX
     * thread (they are cached by identity: GradientScale, Spectra).
     */
    static Trace computeAll(Scenario s) {
        Trace t = Engine.run(s);
        org.unrolled.view.GradientScale.of(t);
        org.unrolled.engine.Spectra.recurrent(s.cell(), s.weights().cell(), s.hiddenSize());
        return t;
    }
}
