package org.unrolled.app;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.unrolled.engine.Trace;
import org.unrolled.export.ExistingExport;
import org.unrolled.export.ExportException;
import org.unrolled.export.ExportOptions;
import org.unrolled.export.Exporter;
import org.unrolled.export.FramePlan;
import org.unrolled.export.FxFrameSource;
import org.unrolled.view.Timeline;

/**
 * File ▸ Export animation…: the options, then the export in the background with a progress bar,
 * frames done of total, time left and Cancel, while the window stays usable.
 */
final class ExportDialog {
    private static final String[] SIZES = {"1280x720", "1920x1080", "3840x2160", "Custom"};

    private ExportDialog() {
    }

    /** Asks for the options and runs the export; returns at once (the export goes on in the background). */
    static void show(Window owner, AppModel model) {
        Document d = model.document();
        if (d == null) {
            return;
        }
        int n = new Timeline(d.trace()).length();
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Export animation");
        dialog.setHeaderText("Export \"" + d.scenario().title() + "\" as PNG frames");
        ComboBox<String> size = new ComboBox<>();
        size.getItems().addAll(SIZES);
        size.setValue("1920x1080");
        Spinner<Integer> width = new Spinner<>(16, ExportOptions.MAX_SIDE, 1920);
        Spinner<Integer> height = new Spinner<>(16, ExportOptions.MAX_SIDE, 1080);
        width.setEditable(true);
        height.setEditable(true);
        SafeSpinner.guard(width);
        SafeSpinner.guard(height);
        width.disableProperty().bind(size.valueProperty().isNotEqualTo("Custom"));
        height.disableProperty().bind(size.valueProperty().isNotEqualTo("Custom"));
        ComboBox<Integer> fps = new ComboBox<>();
        fps.getItems().addAll(10, 24, 30, 60);
        fps.setValue(30);
        ComboBox<String> part = new ComboBox<>();
        part.getItems().addAll("Forward and backward", "Forward pass", "Backward pass");
        part.setValue("Forward and backward");
        Spinner<Integer> from = new Spinner<>(1, n, 1);
        Spinner<Integer> to = new Spinner<>(1, n, n);
        ComboBox<String> theme = new ComboBox<>();
        theme.getItems().addAll("light", "dark", "projector");
        theme.setValue("light");
        Path home = Path.of(System.getProperty("user.home"));
        String base = d.name().replaceAll("\\.json$", "").replaceAll("[^A-Za-z0-9._-]+", "-");
        TextField folder = new TextField(home.resolve("unrolled-" + base).toString());
        folder.setId("export-folder");
        folder.setPrefColumnCount(28);
        Button browse = new Button("Browse…");
        browse.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Folder for the frames");
            File dir = chooser.showDialog(dialog.getDialogPane().getScene().getWindow());
            if (dir != null) {
                folder.setText(dir.getPath());
            }
        });
        TextField pattern = new TextField("frame_%04d.png");
        tip(size, "Frame size in pixels: 1920×1080 for slides and video");
        tip(width, "Frame width in pixels");
        tip(height, "Frame height in pixels");
        tip(fps, "Frames per second; the animation moves one step per second");
        tip(part, "The forward pass, the backward pass (BPTT), or both");
        tip(from, "First step to export");
        tip(to, "Last step to export");
        tip(theme, "Colours of the frames");
        tip(folder, "A new or empty folder: existing frames are never overwritten");
        tip(browse, "Choose the folder");
        tip(pattern, "Frame file names; %04d is the frame number");
        Label problem = new Label();
        problem.getStyleClass().add("error-text");
        problem.setWrapText(true);

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        grid.setPadding(new Insets(12));
        int r = 0;
        grid.addRow(r++, label("Resolution"), size, new HBox(6, width, label("×"), height));
        grid.addRow(r++, label("Frame rate"), fps, label("frames per second, one step per second"));
        grid.addRow(r++, label("Part"), part, new HBox(6, label("steps"), from, label("to"), to));
        grid.addRow(r++, label("Theme"), theme);
        grid.addRow(r++, label("Folder"), folder, browse);
        grid.addRow(r++, label("File names"), pattern);
        grid.add(problem, 0, r, 3, 1);
        dialog.getDialogPane().setContent(grid);
        // wide enough that no choice or path is cut to "…"
        part.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        folder.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        dialog.getDialogPane().setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ButtonType export = new ButtonType("Export", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(export, ButtonType.CANCEL);

        // validate before closing: a problem is shown in the dialog, which stays open
        Button ok = (Button) dialog.getDialogPane().lookupButton(export);
        ExportOptions[] chosen = new ExportOptions[1];
        ok.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            try {
                int w = "Custom".equals(size.getValue()) ? width.getValue() : Integer.parseInt(size.getValue().split("x")[0]);
                int h = "Custom".equals(size.getValue()) ? height.getValue() : Integer.parseInt(size.getValue().split("x")[1]);
                ExportOptions.Phase phase = switch (part.getValue()) {
                    case "Forward pass" -> ExportOptions.Phase.FORWARD;
                    case "Backward pass" -> ExportOptions.Phase.BACKWARD;
                    default -> ExportOptions.Phase.BOTH;
                };
                boolean all = from.getValue() == 1 && to.getValue() == n;
                chosen[0] = new ExportOptions(w, h, fps.getValue(), 1.0, phase, all ? 0 : from.getValue(),
                        all ? 0 : to.getValue(), theme.getValue(), pattern.getText().trim());
                if (folder.getText().isBlank()) {
                    throw new IllegalArgumentException("choose a folder for the frames");
                }
            } catch (IllegalArgumentException ex) {
                problem.setText(ex.getMessage());
                e.consume();
            }
        });
        Optional<ButtonType> answer = dialog.showAndWait();
        if (answer.isEmpty() || answer.get() != export) {
            return;
        }
        Path dir = Path.of(folder.getText().trim());
        String occupied = occupied(dir, chosen[0]);
        if (occupied != null) {
            Path fresh = freshFolder(dir);
            Alert ask = new Alert(Alert.AlertType.CONFIRMATION, dir + " " + occupied + ". Nothing there is "
                    + "overwritten: export into " + fresh + " instead?", ButtonType.OK, ButtonType.CANCEL);
            ask.initOwner(owner);
            ask.getDialogPane().setId("export-folder-occupied");
            ask.setHeaderText(occupied.startsWith("holds an incomplete export") ? "That folder holds an incomplete export"
                    : "That folder is not empty");
            if (ask.showAndWait().orElse(ButtonType.CANCEL) != ButtonType.OK) {
                return;
            }
            dir = fresh;
        }
        run(owner, model, d.trace(), chosen[0], dir);
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    /**
     * What the folder holds that an export could overwrite ("holds an incomplete export: 37 of 120
     * frames (…)"), or null; looks without creating anything.
     */
    static String occupied(Path dir, ExportOptions o) {
        try {
            return ExistingExport.describe(dir, o);
        } catch (java.io.IOException e) {
            return null; // the export itself reports an unreadable folder plainly
        }
    }

    /** dir-2, dir-3, ...: the first that does not exist. */
    static Path freshFolder(Path dir) {
        for (int k = 2; ; k++) {
            Path candidate = dir.resolveSibling(dir.getFileName() + "-" + k);
            if (!Files.exists(candidate)) {
                return candidate;
            }
        }
    }

    private static void run(Window owner, AppModel model, Trace trace, ExportOptions o, Path dir) {
        int total = new FramePlan(new Timeline(trace), o).count();
        Stage progress = new Stage();
        progress.initOwner(owner);
        progress.initModality(Modality.NONE);
        progress.setTitle("Exporting…");
        ProgressBar bar = new ProgressBar(0);
        bar.setPrefWidth(460);
        Label count = new Label("frame 0 of " + total);
        count.setId("export-count");
        Button cancel = new Button("Cancel");
        AtomicBoolean cancelled = new AtomicBoolean();
        cancel.setOnAction(e -> {
            cancelled.set(true);
            cancel.setDisable(true);
            count.setText("Cancelling after the frame being written…");
        });
        VBox box = new VBox(12, new Label("Writing frames to " + dir), bar, count, cancel);
        box.setPadding(new Insets(16));
        progress.setScene(new javafx.scene.Scene(box));
        progress.show();
        long started = System.nanoTime();
        Thread worker = new Thread(() -> {
            String outcome;
            try {
                Exporter.prepareFolder(dir, o);
                Exporter.Result r = Exporter.run(trace, o, dir, new FxFrameSource(trace, o), (done, all) -> {
                    double secs = (System.nanoTime() - started) / 1e9;
                    double left = secs / done * (all - done);
                    Platform.runLater(() -> {
                        bar.setProgress((double) done / all);
                        count.setText(String.format(Locale.ROOT, "frame %d of %d · about %.0f s left", done, all, left));
                    });
                }, cancelled);
                outcome = r.complete() ? r.framesWritten() + " frames written to " + dir
                        : "Cancelled: " + r.framesWritten() + " of " + r.framesPlanned() + " frames are in " + dir
                                + " (frames.json marks the export incomplete).";
            } catch (ExportException e) {
                outcome = "The export stopped: " + e.getMessage();
            } catch (RuntimeException | Error e) {
                // the worker's top level: whatever happens, the progress window closes and says why
                outcome = "The export stopped: " + Problems.describe(e);
            }
            String message = outcome;
            Platform.runLater(() -> {
                progress.close();
                Alert done = new Alert(message.startsWith("The export stopped") ? Alert.AlertType.ERROR
                        : Alert.AlertType.INFORMATION, message, ButtonType.OK);
                done.initOwner(owner);
                done.setHeaderText(message.startsWith("The export stopped") ? "Export failed" : "Export finished");
                done.show();
            });
        }, "unrolled-export");
        worker.setDaemon(true);
        worker.start();
    }

    private static void tip(javafx.scene.control.Control c, String text) {
        c.setTooltip(new javafx.scene.control.Tooltip(text));
    }
}
