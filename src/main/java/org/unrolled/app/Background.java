package org.unrolled.app;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.concurrent.Task;
import javafx.scene.control.Alert;
import javafx.stage.Window;

/**
 * The one executor for the window's one-off background work (writing a handout, a frame, an export):
 * daemon threads named {@code unrolled-worker-N}, so that a thread dump says whose they are and an
 * unfinished task never keeps the program from exiting. The work runs as a JavaFX {@link Task}, whose
 * state, progress and outcome arrive on the JavaFX thread. (The document's own serial worker, which
 * must run one recompute after another, is AppModel's.)
 */
final class Background {
    private static final AtomicInteger NUMBER = new AtomicInteger();
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "unrolled-worker-" + NUMBER.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    /** Something that writes a file and may fail with an I/O error. */
    interface Write {
        void run() throws java.io.IOException;
    }

    private Background() {
    }

    /**
     * The document's serial worker (AppModel's recomputes, one after another, in order with its saves):
     * one daemon thread, {@code unrolled-worker-document}.
     */
    static ExecutorService documentWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "unrolled-worker-document");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts {@code task} on the workers and returns it. */
    static <T> Task<T> start(Task<T> task) {
        WORKERS.execute(task);
        return task;
    }

    /**
     * Writes in the background; if it fails, an error dialog in front of {@code owner} says
     * "{@code what} could not be saved: why".
     */
    static Task<Void> write(Window owner, Object what, Write write) {
        Task<Void> task = new Task<>() {
            @Override
            protected Void call() throws Exception {
                write.run();
                return null;
            }
        };
        task.setOnFailed(e -> error(owner, what + " could not be saved: " + describe(task.getException())));
        return start(task);
    }

    /** An error dialog in front of {@code owner} (not behind it, and closed with it). */
    static void error(Window owner, String message) {
        Alert a = new Alert(Alert.AlertType.ERROR, message);
        a.initOwner(owner);
        a.show();
    }

    private static String describe(Throwable e) {
        return e instanceof java.io.IOException io ? org.unrolled.io.AtomicFiles.describe(io)
                : e instanceof RuntimeException ? String.valueOf(e.getMessage()) : Problems.describe(e);
    }
}
