package org.unrolled.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.unrolled.view.ViewSettings;

/**
 * The caption bar keeps a fixed height, and its texts stay whole: at every lesson beat of every
 * sample, in a 1280×720 and a 1920×1080 window and presenting full screen, the beat's caption
 * and the generated ones are drawn in full (made smaller where needed, never under the smallest legible
 * size), and the bar's height does not change from beat to beat.
 */
@ExtendWith(ApplicationExtension.class)
class CaptionFitTest {
    private AppModel model;
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        TestWindow w = TestWindow.open(stage, "default.json");
        model = w.model();
        window = w.window();
    }

    /** What the label draws: its text, or the text cut with "…" when it does not fit. */
    private static String drawn(Label l) {
        for (Node c : l.getChildrenUnmodifiable()) {
            if (c instanceof Text t) {
                return t.getText();
            }
        }
        return "";
    }

    @Test
    void everyBeatsCaptionIsDrawnWholeAtALegibleSize(FxRobot robot) throws IOException {
        List<String> samples;
        try (var files = Files.list(Path.of("samples"))) {
            samples = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
        }
        Label beat = robot.lookup("#beat-caption").queryAs(Label.class);
        Label captions = robot.lookup("#captions").queryAs(Label.class);
        Node bar = robot.lookup("#caption-bar").query();
        Node question = robot.lookup("#question-panel").query();
        List<String> problems = new ArrayList<>();
        int checked = 0;
        // the window at both sizes; presenting once (full screen: the screen's size whatever the window's)
        for (String sample : samples) {
            robot.interact(() -> model.openSample(sample)); // once: the sizes and modes below only lay it out again
            for (double[] size : new double[][] {{1280, 720}, {1920, 1080}}) {
                for (boolean presenting : size[0] == 1280 ? new boolean[] {false, true} : new boolean[] {false}) {
                    robot.interact(() -> {
                        window.state().setPresenting(presenting);
                        stage.setWidth(size[0]);
                        stage.setHeight(size[1]);
                    });
                    int beats = window.lesson().beats().size();
                    double[] height = {Double.NaN};
                    for (int k = 0; k < beats; k++) {
                        int at = k;
                        String where = sample + " beat " + (k + 1) + " at " + (int) size[0] + "×" + (int) size[1]
                                + (presenting ? " presenting" : "");
                        robot.interact(() -> {
                            window.lesson().goTo(at);
                            if (window.lesson().askingProperty().get() != null) {
                                window.lesson().reveal(); // the caption shows once the question is answered
                            }
                            // twice, as two pulses: the first lays out the new texts, and the size they are fitted
                            // to there is styled and laid out in the second
                            for (int pass = 0; pass < 2; pass++) {
                                bar.getScene().getRoot().applyCss();
                                bar.getScene().getRoot().layout();
                            }
                            double min = presenting ? ViewSettings.PRESENTATION_MIN_TEXT : ViewSettings.WINDOW_MIN_TEXT;
                            for (Label l : new Label[] {beat, captions}) {
                                if (!l.isVisible() || l.getText().isEmpty()) {
                                    continue;
                                }
                                if (!drawn(l).equals(l.getText())) {
                                    problems.add(where + ": \"" + l.getText() + "\" drawn as \"" + drawn(l) + "\"");
                                }
                                if (l.getFont().getSize() < min - 1e-9) {
                                    problems.add(where + ": " + l.getFont().getSize() + " px, under " + min);
                                }
                            }
                            if (question.isVisible()) {
                                return; // a question asked grows the bar on purpose (the picture stands still)
                            }
                            double h = bar.getLayoutBounds().getHeight();
                            if (!Double.isNaN(height[0]) && h != height[0]) {
                                problems.add(where + ": the bar is " + h + " px tall, was " + height[0]);
                            }
                            height[0] = h;
                        });
                        checked++;
                    }
                }
            }
        }
        robot.interact(() -> window.state().setPresenting(false));
        assertTrue(checked > 40, "beats checked: " + checked);
        java.nio.file.Files.write(Path.of("target/caption-fit.txt"), problems);
        assertEquals(List.of(), problems.subList(0, Math.min(20, problems.size())), problems.size() + " problems");
    }
}
