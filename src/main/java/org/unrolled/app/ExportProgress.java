package org.unrolled.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.unrolled.document.DocumentTrace;
import org.unrolled.export.AwtFrameSource;
import org.unrolled.export.ExportException;
import org.unrolled.export.ExportOptions;
import org.unrolled.export.Exporter;
import org.unrolled.export.FormatExport;

/**
 * A running export: a small window with a progress bar, frames done of total, time left and Cancel,
 * while the export runs as a {@link Task} on the {@link Background} workers and the main window stays
 * usable. At the end it closes and a dialog says what was written (or why not).
 */
final class ExportProgress {
    private ExportProgress() {
    }

    static void start(Window owner, DocumentTrace trace, FormatExport.Format kind, ExportOptions o, Path dir) {
        int total = FormatExport.count(kind, trace, o);
        String unit = kind.stills() ? "still" : "frame";
        Stage progress = new Stage();
        progress.initOwner(owner);
        progress.initModality(Modality.NONE);
        progress.setTitle("Exporting…");
        ProgressBar bar = new ProgressBar(0);
        bar.setPrefWidth(460);
        Label count = new Label(unit + " 0 of " + total);
        count.setId("export-count");
        Button cancel = new Button("Cancel");
        AtomicBoolean cancelled = new AtomicBoolean();
        long started = System.nanoTime();
        Task<String> export = new Task<>() {
            @Override
            protected String call() {
                try {
                    FormatExport.prepare(kind, dir, o);
                    Exporter.Result r = FormatExport.run(kind, trace, o, dir, new AwtFrameSource(trace, o), (done, all) -> {
                        double secs = (System.nanoTime() - started) / 1e9;
                        double left = secs / done * (all - done);
                        updateProgress(done, all);
                        if (!cancelled.get()) {
                            updateMessage(String.format(Locale.ROOT, "%s %d of %d · about %.0f s left", unit, done, all, left));
                        }
                    }, cancelled);
                    return r.complete() ? r.framesWritten() + " " + unit + "s written to " + dir
                            : kind == FormatExport.Format.PNG ? "Cancelled: " + r.framesWritten() + " of " + r.framesPlanned()
                                    + " frames are in " + dir + " (frames.json marks the export incomplete)."
                            : "Cancelled after " + r.framesWritten() + " of " + r.framesPlanned() + " " + unit
                                    + "s; nothing was written to " + dir + ".";
                } catch (ExportException e) {
                    return "The export stopped: " + e.getMessage();
                } catch (RuntimeException | Error e) {
                    // the task's top level: whatever happens, the progress window closes and says why
                    return "The export stopped: " + Problems.describe(e);
                }
            }
        };
        export.progressProperty().addListener((obs, was, is) -> bar.setProgress(Math.max(0, is.doubleValue())));
        export.messageProperty().addListener((obs, was, is) -> {
            if (!cancelled.get() && !is.isEmpty()) {
                count.setText(is);
            }
        });
        cancel.setOnAction(e -> {
            cancelled.set(true);
            cancel.setDisable(true);
            count.setText("Cancelling after the " + unit + " being written…");
        });
        export.setOnSucceeded(e -> finish(owner, progress, export.getValue()));
        VBox box = new VBox(12, new Label("Writing " + ExportDialog.describe(kind) + " to " + dir), bar, count, cancel);
        box.setPadding(new Insets(16));
        progress.setScene(new javafx.scene.Scene(box));
        progress.show();
        Background.start(export);
    }

    private static void finish(Window owner, Stage progress, String message) {
        progress.close();
        boolean failed = message.startsWith("The export stopped");
        Alert done = new Alert(failed ? Alert.AlertType.ERROR : Alert.AlertType.INFORMATION, message, ButtonType.OK);
        done.initOwner(owner);
        done.setHeaderText(failed ? "Export failed" : "Export finished");
        done.show();
    }
}
