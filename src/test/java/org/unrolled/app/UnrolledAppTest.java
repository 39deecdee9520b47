package org.unrolled.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.unrolled.io.Samples;
import org.unrolled.view.Hit;
import org.unrolled.view.NetworkCanvas;
import org.unrolled.view.VectorRef;

/** The window driven headless (Monocle) as a student would: open, step, scrub, hover, play, bad file. */
@ExtendWith(ApplicationExtension.class)
class UnrolledAppTest {
    private AppModel model;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        TestWindow w = TestWindow.open(stage, Samples.DEFAULT);
        model = w.model();
        window = w.window();
    }

    private double position() {
        return model.playback().positionProperty().get();
    }

    @Test
    void opensOnTheDefaultScenarioAtTheStart(FxRobot robot) {
        assertEquals("An LSTM reads a wave, step by step", model.document().content().title());
        assertEquals(0.0, position());
        assertEquals(10, model.playback().lengthProperty().get());
        assertFalse(model.dirtyProperty().get(), "nothing edited yet");
        assertFalse(model.canUndoProperty().get(), "nothing to undo yet");
        Label step = robot.lookup("#step-label").queryAs(Label.class);
        assertEquals("start: h₀ only", step.getText());
    }

    @Test
    void keysStepThroughTimeLikeAPresenterClicker(FxRobot robot) {
        robot.clickOn("#network");
        // the default's lesson is one question: asked at the start, revealed at step 1
        robot.type(KeyCode.PAGE_DOWN);
        assertEquals(0.0, position());
        robot.type(KeyCode.PAGE_DOWN);
        assertEquals(1.0, position());
        robot.type(KeyCode.RIGHT, KeyCode.PAGE_DOWN);
        assertEquals(3.0, position(), "past the lesson the clicker steps like Right");
        robot.type(KeyCode.LEFT);
        assertEquals(2.0, position());
        robot.type(KeyCode.PAGE_UP);
        assertEquals(1.0, position(), "back to the beat, shown answered");
        assertTrue(window.lesson().revealedProperty().get());
        robot.type(KeyCode.END);
        assertEquals(20.0, position(), "the end of the backward pass, after 10 forward steps");
        robot.type(KeyCode.HOME);
        assertEquals(0.0, position());
        Label step = robot.lookup("#step-label").queryAs(Label.class);
        robot.type(KeyCode.RIGHT);
        assertEquals("step 1 of 10", step.getText());
    }

    @Test
    void scrubbingTheSliderMovesThePositionAtOnce(FxRobot robot) {
        Slider slider = robot.lookup("#timeline").queryAs(Slider.class);
        robot.interact(() -> slider.setValue(6.5));
        assertEquals(6.5, position());
        assertTrue(robot.lookup("#step-label").queryAs(Label.class).getText().contains("(computing)"));
        robot.interact(() -> model.playback().positionProperty().set(4));
        assertEquals(4.0, slider.getValue());
    }

    @Test
    void playingAdvancesAndStopsAtTheEnd(FxRobot robot) throws Exception {
        // the animation's arithmetic, without a clock: 1.5 steps per second
        robot.interact(() -> model.playback().advance(2.0));
        assertEquals(3.0, position(), 1e-12);
        robot.interact(() -> model.playback().advance(0.0));
        assertEquals(3.0, position(), 1e-12);
        robot.interact(() -> {
            model.playback().togglePlay();
            model.playback().advance(100);
        });
        assertEquals(20.0, position());
        assertFalse(model.playback().playingProperty().get(), "playing stops at the end");
        // the real clock runs the animation too
        robot.interact(() -> {
            model.playback().home();
            model.playback().speedProperty().set(12);
            model.playback().togglePlay();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> position() > 1);
    }

    @Test
    void hoveringASquareExplainsItsNumber(FxRobot robot) {
        robot.interact(() -> model.playback().positionProperty().set(3));
        NetworkCanvas canvas = window.canvas();
        Hit h3 = canvas.hits().stream()
                .filter(h -> h.ref().equals(VectorRef.of(false, 3, VectorRef.Kind.H)) && h.index() == 0)
                .findFirst().orElseThrow();
        var screen = canvas.localToScreen(h3.area().centerX(), h3.area().centerY());
        robot.moveTo(screen);
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(model.hoveredProperty().get());
        Label name = robot.lookup("#explain-name").queryAs(Label.class);
        double h = model.document().trace().steps().h(3, 0);
        assertEquals("h_3[0] = " + org.unrolled.view.Numbers.format(h), name.getText());
        assertTrue(robot.lookup(".hover-card").query().isVisible());
    }

    @Test
    void aBadFileShowsWhereAndKeepsTheCurrentScenario(FxRobot robot, @TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, Files.readString(Path.of("samples/default.json")).replace("\"hiddenSize\": 4", "\"hiddenSize\": \"four\""));
        robot.interact(() -> model.open(bad));
        WaitForAsyncUtils.waitForFxEvents();
        Label error = robot.lookup("#error-text").queryAs(Label.class);
        assertTrue(error.getText().startsWith(bad + ": $.hiddenSize: expected a whole number"), error.getText());
        assertTrue(robot.lookup("#error-banner").queryAs(org.controlsfx.control.NotificationPane.class).isShowing());
        assertEquals("An LSTM reads a wave, step by step", model.document().content().title());
        robot.clickOn("Dismiss");
        assertFalse(robot.lookup("#error-banner").queryAs(org.controlsfx.control.NotificationPane.class).isShowing());
    }

    @Test
    void openingAFileShowsItAndRemembersIt(FxRobot robot) {
        Path file = Path.of("samples/gru-seq2seq.json");
        robot.interact(() -> model.open(file));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Encoder-decoder: 5 steps in, 3 steps out", model.document().content().title());
        assertEquals(8, model.playback().lengthProperty().get());
        assertEquals(file.toAbsolutePath().normalize(), model.recent().files().get(0));
        robot.interact(() -> model.playback().positionProperty().set(7));
        assertEquals("decoder step 2 of 3", robot.lookup("#step-label").queryAs(Label.class).getText());
    }
}
