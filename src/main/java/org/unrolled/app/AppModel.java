package org.unrolled.app;

import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.unrolled.document.ScenarioDocument;
import org.unrolled.engine.Engine;
import org.unrolled.engine.Scenario;
import org.unrolled.engine.Trace;
import org.unrolled.io.Samples;
import org.unrolled.io.ScenarioException;
import org.unrolled.io.ScenarioReader;
import org.unrolled.view.Hit;
import org.unrolled.view.StepSchedule;

/**
 * The open document, in the style of a small observable model: read-only properties that the views
 * bind to, and the few actions that change them (open, edit, undo, save); how it is shown (theme,
 * zoom, highlight) is the window's {@link WindowState}. Files are read and traces computed on a
 * background executor; results arrive on the JavaFX thread. A file that cannot be opened leaves the
 * current document as it is and sets {@link #errorProperty()}.
 */
public final class AppModel {
    private final ReadOnlyObjectWrapper<Document> document = new ReadOnlyObjectWrapper<>(this, "document");
    private final ReadOnlyIntegerWrapper opened = new ReadOnlyIntegerWrapper(this, "opened", 0);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    /** The number under the pointer; the window binds it to the canvas. */
    private final ObjectProperty<Hit> hovered = new SimpleObjectProperty<>(this, "hovered");
    private final ObjectProperty<Hit> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty", false);
    private final EditHistory history = new EditHistory();
    private final Playback playback = new Playback();
    private final RecentFiles recent;
    private final DocumentWorker worker;
    private final Function<Scenario, Trace> compute;
    /**
     * The content the newest open, edit, undo or redo asked for: on screen, or still being computed.
     * Edits apply to it, not to the document on screen, so that quick edits of a large scenario build
     * on each other instead of replacing each other.
     */
    private ScenarioDocument requested;
    /** The content as last opened or saved: the document is dirty while the request differs from it. */
    private ScenarioDocument unchanged;

    public AppModel(RecentFiles recent, Executor background) {
        this(recent, background, DocumentWorker::computeAll);
    }

    /** {@code compute} runs the engine (tests slow it down to see the background path). */
    AppModel(RecentFiles recent, Executor background, Function<Scenario, Trace> compute) {
        this.recent = recent;
        this.worker = new DocumentWorker(background);
        this.compute = compute;
    }

    /** The worker that reads files and computes large traces (a lesson's answers are worked out there too). */
    Executor background() {
        return worker::execute;
    }

    /** Opens a scenario file in the background; a sample or file opened meanwhile wins over it. */
    public void open(Path file) {
        status.set("Opening " + file.getFileName() + "…");
        worker.run(worker.request(), false, () -> {
            ScenarioDocument s = ScenarioReader.read(file);
            return new Document(s, compute.apply(s.scenario()), file, file.getFileName().toString());
        }, d -> {
            recent.add(file);
            show(d);
        }, e -> fail(e instanceof ScenarioException ? e.getMessage()
                : org.unrolled.io.Text.path(file) + ": cannot be opened: " + Problems.describe(e)));
    }

    /** Opens a built-in sample (they are small: computed at once). */
    public void openSample(String name) {
        ScenarioDocument s = Samples.load(name);
        show(new Document(s, compute.apply(s.scenario()), null, name));
    }

    /** Shows a network made in the window (the race's "Open this network"), as unsaved work. */
    public void openUnsaved(ScenarioDocument s, String name) {
        show(new Document(s, Engine.run(s.scenario()), null, name));
        dirty.set(true);
    }

    /**
     * Applies a what-if edit to the scenario; the document keeps what still fits around it
     * ({@link ScenarioDocument#withScenario}). Edits with the same {@code key} in quick succession (a
     * slider being dragged) make one undo step. A small scenario recomputes at once; a large one in the
     * background, the newest edit winning, so the window never freezes.
     */
    public void edit(String key, UnaryOperator<Scenario> op) {
        editDocument(key, doc -> {
            Scenario next = op.apply(doc.scenario());
            return next == doc.scenario() ? doc : doc.withScenario(next);
        });
    }

    /** Applies an edit of the document itself (a lesson beat added or removed), undoable like the others. */
    public void editDocument(String key, UnaryOperator<ScenarioDocument> op) {
        Document d = document.get();
        if (d == null) {
            return;
        }
        ScenarioDocument base = requested();
        ScenarioDocument next;
        try {
            next = op.apply(base);
        } catch (IllegalArgumentException e) {
            error.set("This change cannot be made: " + Problems.describe(e));
            return;
        }
        if (next == base) {
            return; // a control showing the current value: nothing changed, nothing to undo
        }
        history.edited(key, base);
        recompute(next);
    }

    public void undo() {
        ScenarioDocument before = document.get() == null ? null : history.undo(requested());
        if (before != null) {
            recompute(before);
        }
    }

    public void redo() {
        ScenarioDocument after = document.get() == null ? null : history.redo(requested());
        if (after != null) {
            recompute(after);
        }
    }


    /** The content the newest request asked for (the one on screen when nothing is pending). */
    ScenarioDocument requested() {
        return requested != null ? requested : document.get().content();
    }

    /** True while an edit's trace is still being computed. */
    public boolean pending() {
        Document d = document.get();
        return d != null && requested != null && requested != d.content();
    }

    private void recompute(ScenarioDocument s) {
        long request = worker.request();
        requested = s;
        Document now = document.get();
        if (now != null && now.scenario() == s.scenario()) {
            applyEdited(s, now.trace()); // the same numbers (a beat added, say): the same trace
            return;
        }
        if (DocumentWorker.work(s.scenario()) <= DocumentWorker.SYNC_WORK_LIMIT) {
            applyEdited(s, compute.apply(s.scenario()));
            return;
        }
        status.set("Recomputing…");
        worker.run(request, true, () -> compute.apply(s.scenario()), t -> applyEdited(s, t),
                e -> fail("The change could not be computed: " + Problems.describe(e)));
    }

    /** Shows an edit's result under the current document's file and name (a save may have named it since). */
    private void applyEdited(ScenarioDocument s, Trace t) {
        Document now = document.get();
        Document d = new Document(s, t, now == null ? null : now.file(), now == null ? "" : now.name());
        document.set(d);
        dirty.set(s != unchanged);
        status.set("");
        error.set("");
        playback.resize(new StepSchedule(d.trace()).length());
    }

    /**
     * Saves the scenario with explicit weights to {@code file}, in the background; the previous file
     * stays intact if writing fails. {@code then} runs on success.
     */
    public void save(Path file, Runnable then) {
        Document d = document.get();
        if (d == null) {
            return;
        }
        ScenarioDocument saved = requested(); // the newest edit, even if its trace is still being computed
        status.set("Saving " + file.getFileName() + "…");
        worker.execute(() -> {
            try {
                org.unrolled.io.ScenarioWriter.save(saved, file);
                Platform.runLater(() -> {
                    status.set("");
                    error.set(""); // a banner about an earlier failed save is out of date
                    Document now = document.get();
                    if (now != null) {
                        unchanged = saved;
                        document.set(new Document(now.content(), now.trace(), file, file.getFileName().toString()));
                        dirty.set(requested() != saved);
                    }
                    recent.add(file);
                    then.run();
                });
            } catch (java.io.IOException | RuntimeException | Error e) {
                String why = e instanceof java.io.IOException io ? org.unrolled.io.AtomicFiles.describe(io) : Problems.describe(e);
                Platform.runLater(() -> fail(file + ": could not be saved (" + why + "); nothing was overwritten."));
            }
        });
    }

    /** Shows work recovered after a crash (an autosave) as a document with unsaved changes. */
    public void restore(Document d) {
        show(d);
        unchanged = null; // nothing on disk holds this work yet
        dirty.set(true);
    }

    /** Shows a document computed elsewhere (the default scenario, read while JavaFX started). */
    void show(Document d) {
        worker.request(); // whatever is still being opened or computed comes too late now
        requested = d.content();
        unchanged = d.content();
        history.clear();
        dirty.set(false);
        selected.set(null); // before the new document, whose listeners must not see the old selection
        document.set(d);
        error.set("");
        status.set("");
        playback.reset(new StepSchedule(d.trace()).length());
        opened.set(opened.get() + 1); // last: its listeners see the new document at its start
    }

    private void fail(String message) {
        status.set("");
        error.set(org.unrolled.io.Text.quote(message, 2000)); // a file's words are shown, never obeyed
    }

    public void dismissError() {
        error.set("");
    }

    /** Counts documents opened (a file, a sample, restored work), not edits: a fresh start for a lesson. */
    public ReadOnlyIntegerProperty openedProperty() {
        return opened.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Document> documentProperty() {
        return document.getReadOnlyProperty();
    }

    public Document document() {
        return document.get();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ObjectProperty<Hit> hoveredProperty() {
        return hovered;
    }

    public ObjectProperty<Hit> selectedProperty() {
        return selected;
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return history.canUndoProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return history.canRedoProperty();
    }

    public Playback playback() {
        return playback;
    }

    public RecentFiles recent() {
        return recent;
    }
}
