package org.unrolled.app;

import java.nio.file.Path;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.unrolled.engine.Engine;
import org.unrolled.engine.Scenario;
import org.unrolled.engine.Trace;
import org.unrolled.io.Samples;
import org.unrolled.io.ScenarioException;
import org.unrolled.io.ScenarioReader;
import org.unrolled.view.Hit;
import org.unrolled.view.Timeline;
import org.unrolled.view.ViewSettings;

/**
 * The window's state, in the style of a small observable model: read-only properties that the views
 * bind to, and the few actions that change them. Files are read and traces computed on a background
 * executor; results arrive on the JavaFX thread. A file that cannot be opened leaves the current
 * document as it is and sets {@link #errorProperty()}.
 */
public final class AppModel {
    private final ReadOnlyObjectWrapper<Document> document = new ReadOnlyObjectWrapper<>(this, "document");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ObjectProperty<ViewSettings> view = new SimpleObjectProperty<>(this, "view", ViewSettings.defaults());
    /** The number under the pointer; the window binds it to the canvas. */
    private final ObjectProperty<Hit> hovered = new SimpleObjectProperty<>(this, "hovered");
    private final ObjectProperty<Hit> selected = new SimpleObjectProperty<>(this, "selected");
    private final Playback playback = new Playback();
    private final RecentFiles recent;
    private final Executor background;

    public AppModel(RecentFiles recent, Executor background) {
        this.recent = recent;
        this.background = background;
    }

    /** Opens a scenario file in the background. */
    public void open(Path file) {
        status.set("Opening " + file.getFileName() + "…");
        background.execute(() -> {
            try {
                Scenario s = ScenarioReader.read(file);
                Trace t = Engine.run(s);
                Platform.runLater(() -> {
                    recent.add(file);
                    show(new Document(s, t, file, file.getFileName().toString()));
                });
            } catch (ScenarioException e) {
                Platform.runLater(() -> fail(e.getMessage()));
            } catch (RuntimeException | OutOfMemoryError e) {
                Platform.runLater(() -> fail(file + ": cannot be opened: " + e));
            }
        });
    }

    /** Opens a built-in sample (they are small: computed at once). */
    public void openSample(String name) {
        Scenario s = Samples.load(name);
        show(new Document(s, Engine.run(s), null, name));
    }

    private void show(Document d) {
        document.set(d);
        error.set("");
        status.set("");
        selected.set(null);
        view.set(view.get().fitted());
        playback.reset(new Timeline(d.trace()).length());
    }

    private void fail(String message) {
        status.set("");
        error.set(message);
    }

    public void dismissError() {
        error.set("");
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

    public ObjectProperty<ViewSettings> viewProperty() {
        return view;
    }

    public ObjectProperty<Hit> hoveredProperty() {
        return hovered;
    }

    public ObjectProperty<Hit> selectedProperty() {
        return selected;
    }

    public Playback playback() {
        return playback;
    }

    public RecentFiles recent() {
        return recent;
    }
}
