package org.unrolled.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.unrolled.view.Timeline;

/**
 * Scrubbing never moves the picture or the slider: over every sample, every step of both phases and
 * every lesson beat, the canvas and the timeline slider keep their bounds (in the window and presenting).
 */
@ExtendWith(ApplicationExtension.class)
class LayoutStabilityTest {
    private AppModel model;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        TestWindow w = TestWindow.open(stage, "default.json");
        model = w.model();
        window = w.window();
    }

    private static Bounds bounds(Node n) {
        return n.localToScene(n.getLayoutBounds());
    }

    @Test
    void theCanvasAndTheSliderKeepTheirPlaceWhileScrubbing(FxRobot robot) throws IOException {
        List<String> samples;
        try (var files = Files.list(Path.of("samples"))) {
            samples = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
        }
        Node canvas = robot.lookup("#network").query();
        Node slider = robot.lookup("#timeline").query();
        for (boolean presenting : new boolean[] {false, true}) {
            robot.interact(() -> window.presentingProperty().set(presenting));
            for (String sample : samples) {
                robot.interact(() -> model.openSample(sample));
                Bounds canvasAt = bounds(canvas);
                Bounds sliderAt = bounds(slider);
                int total = new Timeline(model.document().trace()).total();
                // every half step of a short sample; about 80 places spread over a long one
                double stride = Math.max(0.5, Math.rint(total / 40.0) / 2);
                for (double p = 0; p <= total; p += stride) {
                    double at = p;
                    robot.interact(() -> model.playback().positionProperty().set(at));
                    String where = sample + (presenting ? " presenting" : "") + " at " + p;
                    assertEquals(canvasAt, bounds(canvas), where + ": the canvas moved");
                    if (!presenting) {
                        assertEquals(sliderAt, bounds(slider), where + ": the slider moved");
                    }
                }
                for (int k = 0; k < window.lesson().beats().size(); k++) {
                    int beat = k;
                    robot.interact(() -> window.lesson().goTo(beat));
                    assertEquals(canvasAt, bounds(canvas), sample + " beat " + (k + 1) + ": the canvas moved");
                }
            }
        }
    }
}
