package org.unrolled.app;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;
import org.unrolled.engine.Engine;
import org.unrolled.engine.Trace;

/**
 * At start: autosaving for the window, and the offer to restore work that a crash left behind
 * (Restore / Discard). Restored work appears as a document with unsaved changes, named
 * "… (recovered)", with no file: the first Save asks where to write it (Save As), since an autosave
 * is a file anyone could have planted, and its "file" field is not to be trusted.
 */
final class CrashRecovery {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss");

    private CrashRecovery() {
    }

    /**
     * Starts {@code autosave} for {@code model}, looks for autosaves of crashed sessions in the
     * background, offers the newest, then runs {@code then} on the JavaFX thread. Call on the JavaFX thread.
     */
    static void begin(Window owner, AppModel model, Autosave autosave, Runnable then) {
        autosave.track(model);
        autosave.startAndFindOrphans().whenComplete((found, failed) -> {
            Autosave.Recovered r = found == null || found.isEmpty() ? null : found.get(0);
            Trace trace = null;
            if (r != null) {
                try {
                    trace = Engine.run(r.scenario().scenario());
                } catch (RuntimeException | Error e) {
                    r = null; // cannot be shown: left where it is
                }
            }
            Autosave.Recovered offered = r;
            Trace computed = trace;
            Platform.runLater(() -> {
                if (offered != null) {
                    offer(owner, model, autosave, offered, computed);
                }
                then.run();
            });
        });
    }

    private static void offer(Window owner, AppModel model, Autosave autosave, Autosave.Recovered r, Trace trace) {
        ButtonType restore = new ButtonType("Restore", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Discard", ButtonBar.ButtonData.NO);
        // the autosave's fields are shown, never trusted: quoted, and the file is only a name here
        String where = r.file() == null ? "" : " (" + org.unrolled.io.Text.path(r.file()) + ")";
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "Unsaved changes to \""
                + org.unrolled.io.Text.quote(r.name(), 200) + "\"" + where
                + " were kept at " + TIME.format(r.savedAt().atZone(ZoneId.systemDefault()))
                + ". Restore them, or discard them for good?", restore, discard);
        if (owner != null && owner.isShowing()) {
            ask.initOwner(owner);
        }
        ask.getDialogPane().setId("restore-offer");
        ask.setTitle("Restore unsaved work");
        ask.setHeaderText("Unrolled did not close properly last time");
        if (ask.showAndWait().orElse(discard) == restore) {
            // no file: anyone can plant an autosave naming any file, so Save asks where (Save As) rather
            // than overwrite what the autosave names
            model.restore(new Document(r.scenario(), trace, null, recoveredName(org.unrolled.io.Text.quote(r.name(), 200))));
            autosave.adopt(r);
        } else {
            autosave.forget(r);
        }
    }

    static String recoveredName(String name) {
        return name.endsWith(" (recovered)") ? name : name + " (recovered)";
    }
}
