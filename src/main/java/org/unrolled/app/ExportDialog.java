package org.unrolled.app;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import org.controlsfx.control.RangeSlider;
import org.unrolled.engine.Trace;
import org.unrolled.export.ExportOptions;
import org.unrolled.export.FormatExport;
import org.unrolled.view.Phase;
import org.unrolled.view.StepSchedule;

/**
 * File ▸ Export animation…: the format and the options, with a preview of the first frame, then the export
 * in the background with a progress bar, frames done of total, time left and Cancel, while the window
 * stays usable.
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
        int n = new StepSchedule(d.trace()).length();
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Export animation");
        dialog.setHeaderText("Export \"" + d.content().title() + "\"");
        ComboBox<FormatExport.Format> format = new ComboBox<>();
        format.setId("export-format");
        format.getItems().addAll(FormatExport.Format.values());
        format.setValue(FormatExport.Format.PNG);
        format.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(FormatExport.Format f) {
                return f == null ? "" : describe(f);
            }

            @Override
            public FormatExport.Format fromString(String text) {
                return null;
            }
        });
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
        // the steps to export, first to last, on one slider with two thumbs
        RangeSlider steps = new RangeSlider(1, Math.max(2, n), 1, n);
        steps.setId("export-steps");
        steps.setMajorTickUnit(1);
        steps.setMinorTickCount(0);
        steps.setSnapToTicks(true);
        steps.setBlockIncrement(1);
        steps.setShowTickMarks(n <= 40);
        steps.setDisable(n < 2);
        steps.setPrefWidth(220);
        Label stepsText = new Label();
        stepsText.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.beans.binding.IntegerBinding from = javafx.beans.binding.Bindings.createIntegerBinding(
                () -> (int) Math.round(steps.getLowValue()), steps.lowValueProperty());
        javafx.beans.binding.IntegerBinding to = javafx.beans.binding.Bindings.createIntegerBinding(
                () -> (int) Math.min(n, Math.round(steps.getHighValue())), steps.highValueProperty());
        stepsText.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> from.get() + " to " + to.get(), from, to));
        ComboBox<String> theme = new ComboBox<>();
        theme.getItems().addAll("light", "dark", "projector");
        theme.setValue("light");
        ComboBox<ExportOptions.Layout> layout = new ComboBox<>();
        layout.setId("export-layout");
        layout.getItems().addAll(ExportOptions.Layout.values());
        layout.setValue(ExportOptions.Layout.NETWORK);
        Path home = Path.of(System.getProperty("user.home"));
        String base = d.name().replaceAll("\\.json$", "").replaceAll("[^A-Za-z0-9._-]+", "-");
        TextField folder = new TextField(home.resolve("unrolled-" + base).toString());
        Label folderLabel = label("Folder");
        format.valueProperty().addListener((o, was, is) -> {
            folder.setText(ExportTargets.retarget(folder.getText().trim(), was, is));
            folderLabel.setText(is.folder() ? "Folder" : "File");
        });
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
        tip(steps, "The steps to export: drag the left thumb to the first, the right one to the last");
        tip(theme, "Colours of the frames");
        tip(layout, "network: the picture alone; presentation: as presentation mode shows it (F5), with the captions "
                + "or the question large and the gradient plot, each beat held, a question asked, then revealed");
        tip(folder, "A new or empty folder: existing frames are never overwritten");
        tip(browse, "Choose the folder");
        tip(pattern, "Frame file names; %04d is the frame number");
        Label problem = new Label();
        problem.setId("export-problem");
        problem.getStyleClass().add(atlantafx.base.theme.Styles.DANGER); // the theme's danger colour, light or dark
        problem.setWrapText(true);

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        grid.setPadding(new Insets(12));
        int r = 0;
        grid.addRow(r++, label("Format"), format);
        grid.addRow(r++, label("Resolution"), size, inline(width, label("×"), height));
        grid.addRow(r++, label("Frame rate"), fps, label("frames per second, one step per second"));
        grid.addRow(r++, label("Part"), part, inline(label("steps"), steps, stepsText));
        grid.addRow(r++, label("Theme"), theme, inline(label("layout"), layout));
        grid.addRow(r++, folderLabel, folder, browse);
        grid.addRow(r++, label("File names"), pattern);
        grid.add(problem, 0, r, 3, 1);
        fps.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> format.getValue().stills(), format.valueProperty()));
        pattern.disableProperty().bind(format.valueProperty().isNotEqualTo(FormatExport.Format.PNG));
        ExportPreview preview = new ExportPreview(PREVIEW_WIDTH, PREVIEW_WIDTH * 9 / 16);
        Runnable refresh = () -> {
            try {
                preview.show(format.getValue(), d.shown(), options(size.getValue(), width.getValue(), height.getValue(),
                        fps.getValue(), part.getValue(), from.get(), to.get(), n, theme.getValue(), "frame_%04d.png")
                        .withLayout(layout.getValue()));
            } catch (IllegalArgumentException ex) {
                preview.refuse(ex.getMessage());
            }
        };
        for (javafx.beans.Observable o : new javafx.beans.Observable[] {format.valueProperty(), size.valueProperty(),
            width.valueProperty(), height.valueProperty(), part.valueProperty(), from, to, theme.valueProperty(),
            layout.valueProperty()}) {
            o.addListener(x -> refresh.run());
        }
        refresh.run();
        VBox content = new VBox(8, grid, preview.note, preview.box);
        content.setPadding(new Insets(0, 12, 12, 12));
        dialog.getDialogPane().setContent(content);
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
                chosen[0] = options(size.getValue(), width.getValue(), height.getValue(), fps.getValue(),
                        part.getValue(), from.get(), to.get(), n, theme.getValue(),
                        format.getValue() == FormatExport.Format.PNG ? pattern.getText().trim() : "frame_%04d.png")
                        .withLayout(layout.getValue());
                if (folder.getText().isBlank()) {
                    throw new IllegalArgumentException("choose a folder for the frames");
                }
                FormatExport.prepareCheck(format.getValue(), chosen[0]);
            } catch (IllegalArgumentException ex) {
                problem.setText(ex.getMessage());
                e.consume();
            }
        });
        Optional<ButtonType> answer = dialog.showAndWait();
        if (answer.isEmpty() || answer.get() != export) {
            return;
        }
        FormatExport.Format kind = format.getValue();
        Path dir = ExportTargets.askIfTaken(owner, Path.of(folder.getText().trim()), kind, chosen[0]);
        if (dir == null) {
            return;
        }
        ExportProgress.start(owner, d.shown(), kind, chosen[0], dir);
    }

    private static final double PREVIEW_WIDTH = 480;


    /** The options the fields say; throws with a plain message when they say something impossible. */
    static ExportOptions options(String size, int width, int height, int fps, String part, int from, int to, int n,
            String theme, String pattern) {
        int w = "Custom".equals(size) ? width : Integer.parseInt(size.split("x")[0]);
        int h = "Custom".equals(size) ? height : Integer.parseInt(size.split("x")[1]);
        Phase phase = switch (part) {
            case "Forward pass" -> Phase.FORWARD;
            case "Backward pass" -> Phase.BACKWARD;
            default -> Phase.BOTH;
        };
        boolean all = from == 1 && to == n;
        return new ExportOptions(w, h, fps, 1.0, phase, all ? 0 : from, all ? 0 : to, theme, pattern);
    }

    static String describe(FormatExport.Format f) {
        return switch (f) {
            case PNG -> "PNG frames (a folder)";
            case GIF -> "Animated GIF";
            case MP4 -> "MP4 video (H.264)";
            case SVG -> "SVG, one per lesson beat or step (a folder)";
            case PDF -> "PDF, one page per lesson beat (or step)";
            case PPTX -> "PowerPoint, one slide per lesson beat or step";
            case BEAMER -> "Beamer (LaTeX), one frame per beat or step (a folder)";
        };
    }

    /** A row of controls beside each other, their texts on one line. */
    private static HBox inline(javafx.scene.Node... nodes) {
        HBox row = new HBox(6, nodes);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return row;
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private static void tip(javafx.scene.control.Control c, String text) {
        c.setTooltip(new javafx.scene.control.Tooltip(text));
    }
}
