package org.unrolled.app;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.input.TransferMode;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.unrolled.view.NetworkCanvas;

/**
 * The main window's files: open (a chooser, or a file dropped on the window), save, save as, the
 * frame on screen as an image, a handout; and asking before unsaved changes are lost (a new file,
 * closing the window). Reading and writing run in the background.
 */
final class FileActions {
    private final Stage stage;
    private final AppModel model;
    private final WindowState state;
    private final NetworkCanvas canvas;

    FileActions(Stage stage, AppModel model, WindowState state, NetworkCanvas canvas) {
        this.stage = stage;
        this.model = model;
        this.state = state;
        this.canvas = canvas;
    }

    /** A file dropped on the window opens (after asking about unsaved changes); closing asks too. */
    void attach(Scene scene) {
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        scene.setOnDragDropped(e -> {
            List<File> files = e.getDragboard().getFiles();
            boolean ok = files != null && !files.isEmpty();
            if (ok) {
                Path dropped = files.get(0).toPath();
                javafx.application.Platform.runLater(() -> confirmDiscard(() -> model.open(dropped)));
            }
            e.setDropCompleted(ok);
            e.consume();
        });
        stage.setOnCloseRequest(e -> {
            if (!confirmDiscard(() -> stage.close())) {
                e.consume();
            }
        });
    }

    /**
     * Runs {@code then} unless there are unsaved changes the user wants to keep: asks Save / Don't
     * Save / Cancel. Returns whether {@code then} ran (or will run, after a save) rather than being
     * cancelled.
     */
    boolean confirmDiscard(Runnable then) {
        if (!model.dirtyProperty().get()) {
            then.run();
            return true;
        }
        javafx.scene.control.ButtonType saveButton = new javafx.scene.control.ButtonType("Save",
                javafx.scene.control.ButtonBar.ButtonData.YES);
        javafx.scene.control.ButtonType discard = new javafx.scene.control.ButtonType("Don't Save",
                javafx.scene.control.ButtonBar.ButtonData.NO);
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "Your changes to \"" + model.document().name()
                + "\" will be lost if you don't save them.", saveButton, discard, javafx.scene.control.ButtonType.CANCEL);
        ask.initOwner(stage);
        ask.setTitle("Unsaved changes");
        ask.setHeaderText("Save the changes to " + model.document().name() + "?");
        javafx.scene.control.ButtonType answer = ask.showAndWait().orElse(javafx.scene.control.ButtonType.CANCEL);
        if (answer == discard) {
            then.run();
            return true;
        }
        if (answer == saveButton) {
            return save(then);
        }
        return false;
    }

    /** Saves to the document's file, or asks for one; {@code then} runs after a successful save. */
    boolean save(Runnable then) {
        Document d = model.document();
        if (d == null) {
            return false;
        }
        if (d.file() == null) {
            return saveAs(then);
        }
        model.save(d.file(), then == null ? () -> { } : then);
        return true;
    }

    boolean saveAs(Runnable then) {
        Document d = model.document();
        if (d == null) {
            return false;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the scenario");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Scenarios (*.json)", "*.json"));
        chooser.setInitialFileName(d.name().endsWith(".json") ? d.name() : d.name() + ".json");
        File f = chooser.showSaveDialog(stage); // the chooser itself asks before replacing a file
        if (f == null) {
            return false;
        }
        model.save(f.toPath(), then == null ? () -> { } : then);
        return true;
    }

    /** The frame on screen (without the hover outline), at the canvas's size; rolled up if it is. */
    javafx.scene.image.WritableImage currentFrame() {
        org.unrolled.view.FrameRenderer r = new org.unrolled.view.FrameRenderer(
                (int) Math.max(16, canvas.getWidth()), (int) Math.max(16, canvas.getHeight()));
        double unfold = canvas.unfoldProperty().get();
        if (unfold < 1) {
            return r.renderRolled(model.document().trace(), state.viewProperty().get(), unfold);
        }
        return r.render(model.document().trace(), state.viewProperty().get(), model.playback().positionProperty().get());
    }

    void saveFrame() {
        if (model.document() == null) {
            return;
        }
        javafx.scene.image.WritableImage img = currentFrame();
        SaveFrame.ask(stage, new SaveFrame.Shown(model.document().trace(), state.viewProperty().get(),
                model.playback().positionProperty().get(), canvas.unfoldProperty().get(), (int) img.getWidth(),
                (int) img.getHeight()), img);
    }

    void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a scenario");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Scenarios (*.json)", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        Document d = model.document();
        if (d != null && d.file() != null && d.file().toAbsolutePath().getParent() != null) {
            chooser.setInitialDirectory(d.file().toAbsolutePath().getParent().toFile());
        }
        File f = chooser.showOpenDialog(stage);
        if (f != null) {
            model.open(f.toPath());
        }
    }

    /** Saves the lesson as a Markdown handout: questions before their captions, answers at the end. */
    void exportHandout() {
        Document d = model.document();
        if (d == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export a handout");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Markdown (*.md)", "*.md"));
        chooser.setInitialFileName("handout.md");
        File f = chooser.showSaveDialog(stage);
        if (f == null) {
            return;
        }
        org.unrolled.document.DocumentTrace trace = d.shown();
        Background.write(stage, f, () -> {
            byte[] md = org.unrolled.export.Handout.markdown(trace).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            org.unrolled.io.AtomicFiles.write(f.toPath(), out -> out.write(md));
        });
    }
}
