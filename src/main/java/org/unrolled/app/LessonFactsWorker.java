package org.unrolled.app;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.unrolled.document.DocumentTrace;

/**
 * Keeps the {@link LessonFacts} of the document on screen: each new trace (a file opened, a what-if
 * edit, an undo) is worked out on the background worker, the newest winning; the result is published on
 * the JavaFX thread, which never runs the engine for a lesson. While a newer trace is being worked out,
 * {@link #factsProperty()} still holds the older facts: readers check {@link LessonFacts#isFor}.
 */
final class LessonFactsWorker {
    private final ReadOnlyObjectWrapper<LessonFacts> facts = new ReadOnlyObjectWrapper<>(this, "facts");
    private final AtomicLong generation = new AtomicLong();
    private final Executor background;
    private final Function<DocumentTrace, LessonFacts> compute;
    /** The trace last sent to the worker (a save re-shows the same one: nothing to redo). */
    private DocumentTrace requested;

    /**
     * @param background the worker to compute on (serial: jobs for traces already replaced are skipped)
     * @param compute    works out the facts of a trace (tests slow it down)
     */
    LessonFactsWorker(AppModel model, Executor background, Function<DocumentTrace, LessonFacts> compute) {
        this.background = background;
        this.compute = compute;
        model.documentProperty().addListener((o, was, is) -> request(is == null ? null : is.shown()));
        if (model.document() != null) {
            request(model.document().shown());
        }
    }

    private void request(DocumentTrace t) {
        if (t == null || requested != null && t.trace() == requested.trace() && t.document() == requested.document()) {
            return;
        }
        requested = t;
        long gen = generation.incrementAndGet();
        if (t.lesson().isEmpty()) {
            facts.set(LessonFacts.of(t, null)); // nothing to work out
            return;
        }
        background.execute(() -> {
            if (gen != generation.get()) {
                return; // a newer trace is queued behind this one: skip straight to it
            }
            LessonFacts f = workOut(t);
            if (Platform.isFxApplicationThread()) {
                publish(gen, f); // a worker that runs the job at once (tests)
            } else {
                Platform.runLater(() -> publish(gen, f));
            }
        });
    }

    private LessonFacts workOut(DocumentTrace t) {
        try {
            return compute.apply(t);
        } catch (RuntimeException | StackOverflowError e) {
            // Questions and Checks turn bad numbers into answers; anything else is said, not waited for
            return LessonFacts.failed(t, "could not be worked out: " + Problems.describe(e));
        }
    }

    private void publish(long gen, LessonFacts f) {
        if (gen == generation.get()) {
            facts.set(f);
        }
    }

    ReadOnlyObjectProperty<LessonFacts> factsProperty() {
        return facts.getReadOnlyProperty();
    }
}
