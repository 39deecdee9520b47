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
import org.unrolled.view.StepSchedule;

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
        javafx.scene.Parent root = canvas.getScene().getRoot();
        List<String> moved = new java.util.ArrayList<>();
        for (boolean presenting : new boolean[] {false, true}) {
            robot.interact(() -> window.state().setPresenting(presenting));
            for (String sample : samples) {
                robot.interact(() -> model.openSample(sample));
                // every position laid out in one go on the JavaFX thread: CSS and layout as a pulse would do them
                robot.interact(() -> {
                    root.applyCss();
                    root.layout();
                    Bounds canvasAt = bounds(canvas);
                    Bounds sliderAt = bounds(slider);
                    int total = new StepSchedule(model.document().trace()).total();
                    List<Double> places = new java.util.ArrayList<>();
                    // every half step of a short sample, about 40 places spread over a long one, and every beat
                    double stride = Math.max(0.5, Math.rint(total / 20.0) / 2);
                    for (double p = 0; p <= total; p += stride) {
                        places.add(p);
                    }
                    for (int k = 0; k < window.lesson().beats().size(); k++) {
                        places.add(window.lesson().positionOf(window.lesson().beats().get(k)));
                    }
                    for (double p : places) {
                        model.playback().positionProperty().set(p);
                        root.applyCss();
                        root.layout();
                        String where = sample + (presenting ? " presenting" : "") + " at " + p;
                        if (!canvasAt.equals(bounds(canvas))) {
                            moved.add(where + ": the canvas moved to " + bounds(canvas));
                        }
                        if (!presenting && !sliderAt.equals(bounds(slider))) {
                            moved.add(where + ": the slider moved to " + bounds(slider));
                        }
                    }
                });
            }
        }
        assertEquals(List.of(), moved);
    }
}
