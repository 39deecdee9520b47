package org.unrolled.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.unrolled.io.Samples;

/** File ▸ Export animation… pointed at a folder that holds an interrupted export says so. */
@ExtendWith(ApplicationExtension.class)
class ExportDialogTest {
    private Stage stage;
    private AppModel model;

    @Start
    void start(Stage s) {
        stage = s;
        model = TestWindow.open(s, Samples.DEFAULT).model();
    }

    private static void press(FxRobot robot, String text) {
        Button b = robot.lookup((Node n) -> n instanceof Button button && text.equals(button.getText()) && n.isVisible())
                .queryAs(Button.class);
        robot.interact(b::fire);
    }

    @Test
    void aFolderHoldingAnIncompleteExportIsNamedAsSuch(FxRobot robot, @TempDir Path dir) throws Exception {
        Path folder = dir.resolve("lecture");
        Files.createDirectory(folder);
        String manifest = """
                {"format": "unrolled-frames/1", "complete": false, "status": "in progress", "frameCount": 37,
                 "framesPlanned": 120, "pattern": "frame_%04d.png", "frames": [""" + "{\"file\": \"x\"},".repeat(36)
                + "{\"file\": \"x\"}]}";
        Files.writeString(folder.resolve("frames.json"), manifest);
        Files.writeString(folder.resolve("frame_0001.png"), "someone's frame");

        Platform.runLater(() -> ExportDialog.show(stage, model));
        WaitForAsyncUtils.waitForFxEvents();
        TextField field = robot.lookup("#export-folder").queryAs(TextField.class);
        robot.interact(() -> field.setText(folder.toString()));
        press(robot, "Export");
        WaitForAsyncUtils.waitForFxEvents();

        DialogPane ask = robot.lookup("#export-folder-occupied").queryAs(DialogPane.class);
        assertEquals("That folder holds an incomplete export", ask.getHeaderText());
        assertTrue(ask.getContentText().startsWith(folder + " holds an incomplete export: 37 of 120 frames (it was "
                + "interrupted before it finished, or is still running)"), ask.getContentText());
        assertTrue(ask.getContentText().contains("export into " + dir.resolve("lecture-2") + " instead?"),
                ask.getContentText());
        press(robot, "Cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("someone's frame", Files.readString(folder.resolve("frame_0001.png")), "nothing overwritten");
        assertFalse(Files.exists(dir.resolve("lecture-2")), "cancelled: no export started");
    }

    /** Share of pixels that differ between two images of one size. */
    private static double differing(javafx.scene.image.Image a, javafx.scene.image.Image b) {
        assertEquals(a.getWidth(), b.getWidth());
        assertEquals(a.getHeight(), b.getHeight());
        long n = 0;
        for (int y = 0; y < (int) a.getHeight(); y++) {
            for (int x = 0; x < (int) a.getWidth(); x++) {
                n += a.getPixelReader().getArgb(x, y) != b.getPixelReader().getArgb(x, y) ? 1 : 0;
            }
        }
        return n / (a.getWidth() * a.getHeight());
    }

    @Test
    void aFormatIsChosenWithAPreviewAndWrittenWhole(FxRobot robot, @TempDir Path dir) throws Exception {
        Platform.runLater(() -> ExportDialog.show(stage, model));
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<org.unrolled.export.FormatExport.Format> format =
                robot.lookup("#export-format").queryAs(javafx.scene.control.ComboBox.class);
        javafx.scene.image.ImageView preview = robot.lookup("#export-preview").queryAs(javafx.scene.image.ImageView.class);
        javafx.scene.control.Label previewNote = robot.lookup("#export-preview-note").queryAs(javafx.scene.control.Label.class);
        // planned and drawn off the JavaFX thread
        WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS, () -> preview.getImage() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(previewNote.getText().startsWith("First frame of "), previewNote.getText());
        assertEquals(16.0 / 9, preview.getImage().getWidth() / preview.getImage().getHeight(), 0.01);
        robot.interact(() -> format.setValue(org.unrolled.export.FormatExport.Format.MP4));
        TextField field = robot.lookup("#export-folder").queryAs(TextField.class);
        assertTrue(field.getText().endsWith(".mp4"), field.getText());
        robot.interact(() -> format.setValue(org.unrolled.export.FormatExport.Format.PDF));
        assertTrue(field.getText().endsWith(".pdf"), field.getText());
        // the default sample's lesson is one beat, a question: two stills, the question and its reveal
        assertEquals(1, model.document().content().lesson().size());
        int stills = 2;
        WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS,
                () -> previewNote.getText().startsWith("First still"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("First still of " + stills, previewNote.getText());
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<org.unrolled.export.ExportOptions.Layout> layout =
                robot.lookup("#export-layout").queryAs(javafx.scene.control.ComboBox.class);
        javafx.scene.image.Image network = preview.getImage();
        robot.interact(() -> layout.setValue(org.unrolled.export.ExportOptions.Layout.PRESENTATION));
        // drawn off the JavaFX thread (the export's zoom takes a pass over the lesson)
        WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS, () -> preview.getImage() != network);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(differing(network, preview.getImage()) > 0.05, "the preview follows the layout: the plot and text");
        assertEquals(16.0 / 9, preview.getImage().getWidth() / preview.getImage().getHeight(), 0.01);
        robot.interact(() -> layout.setValue(org.unrolled.export.ExportOptions.Layout.NETWORK));
        Path pdf = dir.resolve("stills.pdf");
        robot.interact(() -> field.setText(pdf.toString()));
        press(robot, "Export");
        for (int k = 0; k < 600 && !Files.exists(pdf); k++) {
            Thread.sleep(100);
        }
        assertTrue(Files.exists(pdf), "written");
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            assertEquals(stills, doc.getNumberOfPages());
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theStepRangeSliderChoosesTheFirstAndLastStep(FxRobot robot) throws Exception {
        Platform.runLater(() -> ExportDialog.show(stage, model));
        WaitForAsyncUtils.waitForFxEvents();
        org.controlsfx.control.RangeSlider steps = robot.lookup("#export-steps").queryAs(org.controlsfx.control.RangeSlider.class);
        javafx.scene.control.Label note = robot.lookup("#export-preview-note").queryAs(javafx.scene.control.Label.class);
        for (String part : new String[] {".low-thumb", ".high-thumb", ".range-bar", ".track"}) {
            javafx.scene.layout.Region r = (javafx.scene.layout.Region) steps.lookup(part);
            var fills = r.getBackground() == null ? java.util.List.<javafx.scene.layout.BackgroundFill>of()
                    : r.getBackground().getFills();
            assertTrue(fills.stream().anyMatch(f -> f.getFill() instanceof javafx.scene.paint.Color c && c.getOpacity() > 0),
                    "the slider's " + part + " is drawn in the theme's colours, not left without any: " + fills);
        }
        assertEquals(java.util.List.of(), RaceWindowLabelsTest.cutLabels(steps.getScene().getRoot(), "export dialog"),
                "no text in the dialog is cut with \"…\"");
        int n = new org.unrolled.view.StepSchedule(model.document().trace()).length();
        assertEquals("steps 1 to " + n, "steps " + Math.round(steps.getLowValue()) + " to " + Math.round(steps.getHighValue()));
        robot.interact(() -> {
            steps.setHighValue(5);
            steps.setLowValue(3);
        });
        var options = ExportDialog.options("1920x1080", 0, 0, 30, "Forward and backward", 3, 5, n, "light", "frame_%04d.png");
        int expected = org.unrolled.export.FormatExport.count(org.unrolled.export.FormatExport.Format.PNG,
                model.document().shown(), options);
        // planned off the JavaFX thread
        WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS,
                () -> ("First frame of " + expected).equals(note.getText()));
        assertEquals("First frame of " + expected, note.getText(), "the preview counts the frames of steps 3 to 5");
        assertTrue(robot.lookup((Node x) -> x instanceof javafx.scene.control.Label l && "3 to 5".equals(l.getText()))
                .tryQuery().isPresent(), "the range is said in words beside the slider");
        press(robot, "Cancel");
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void anImpossibleChoiceIsSaidInTheDialogInTheThemesDangerColour(FxRobot robot) {
        Platform.runLater(() -> ExportDialog.show(stage, model));
        WaitForAsyncUtils.waitForFxEvents();
        TextField field = robot.lookup("#export-folder").queryAs(TextField.class);
        robot.interact(() -> field.setText(" "));
        press(robot, "Export");
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.Label problem = robot.lookup("#export-problem").queryAs(javafx.scene.control.Label.class);
        assertEquals("choose a folder for the frames", problem.getText(), "the dialog stays open and says why");
        assertTrue(problem.getStyleClass().contains(atlantafx.base.theme.Styles.DANGER));
        press(robot, "Cancel");
        WaitForAsyncUtils.waitForFxEvents();
    }
}
