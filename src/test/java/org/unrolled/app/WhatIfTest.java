package org.unrolled.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.unrolled.engine.Engine;
import org.unrolled.engine.Scenario;
import org.unrolled.engine.ScenarioEdits;
import org.unrolled.engine.SequenceTrace;
import org.unrolled.engine.Trace;
import org.unrolled.io.ScenarioReader;
import org.unrolled.view.GradientPlot;
import org.unrolled.view.Phase;
import org.unrolled.view.StepSchedule;

/** Backpropagation through time in the window: the backward phase, the what-if sliders, save and reopen. */
@ExtendWith(ApplicationExtension.class)
class WhatIfTest {
    private AppModel model;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        TestWindow w = TestWindow.open(stage, "rnn-vanishing.json");
        model = w.model();
        window = w.window();
    }

    @Test
    void theSpectralRadiusSliderDrivesTheGradientPlot(FxRobot robot) {
        robot.clickOn("What if");
        Scenario original = model.document().scenario();
        Slider rho = robot.lookup("#rho-slider").queryAs(Slider.class);
        assertEquals(0.5, rho.getValue(), 0.01, "the sample's ρ(W_hh)");
        robot.interact(() -> rho.setValue(2.5));
        Trace shown = model.document().trace();
        GradientPlot plot = robot.lookup("#gradient-plot").queryAs(GradientPlot.class);
        assertSame(shown, plot.traceProperty().get(), "the plot shows the recomputed trace");
        // the plotted norms are the engine's for the rescaled network
        Trace expected = Engine.run(ScenarioEdits.withSpectralRadius(original, 2.5));
        for (int t = 1; t <= 30; t++) {
            assertEquals(expected.steps().dLdhNorm(t), shown.steps().dLdhNorm(t), 1e-12);
        }
        // and the early gradient no longer vanishes
        double before = Engine.run(original).steps().dLdhNorm(1);
        assertTrue(shown.steps().dLdhNorm(1) > 1e4 * before, before + " -> " + shown.steps().dLdhNorm(1));
        assertTrue(model.dirtyProperty().get());
        robot.interact(() -> model.undo());
        assertEquals(Engine.run(original).steps().dLdhNorm(1), model.document().trace().steps().dLdhNorm(1), 0.0,
                "one undo reverts the whole drag");
    }

    @Test
    void theBackwardPhaseHighlightsTheStepItComputes(FxRobot robot) {
        robot.interact(() -> model.playback().positionProperty().set(30 + 4));
        Label step = robot.lookup("#step-label").queryAs(Label.class);
        assertEquals("backward: ∂L/∂h_27", step.getText());
        StepSchedule timeline = new StepSchedule(model.document().trace());
        assertEquals(27, timeline.backwardCurrent(34));
        assertTrue(timeline.gradientKnown(27, 34) && !timeline.gradientKnown(26, 34));
        robot.interact(() -> model.playback().phaseProperty().set(Phase.BACKWARD));
        robot.interact(() -> model.playback().home());
        assertEquals(30.0, model.playback().positionProperty().get(), "backward only starts after the forward pass");
    }

    @Test
    void forgetBiasOpensTheLstmHighway(FxRobot robot) {
        robot.interact(() -> model.openSample("default.json"));
        robot.clickOn("What if");
        Slider forget = robot.lookup("#forget-slider").queryAs(Slider.class);
        robot.interact(() -> forget.setValue(5));
        SequenceTrace s = model.document().trace().steps();
        for (double f : s.gate(5, 'f')) {
            assertTrue(f > 0.95, "f = " + f);
        }
    }

    @Test
    void savedScenarioReopensToTheSameTrace(FxRobot robot, @TempDir Path dir) throws Exception {
        Slider rho = robot.lookup("#rho-slider").queryAs(Slider.class);
        robot.interact(() -> rho.setValue(1.7));
        Trace edited = model.document().trace();
        Path file = dir.resolve("mine.json");
        robot.interact(() -> model.save(file, () -> { }));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(model.dirtyProperty().get());
        Trace reopened = Engine.run(ScenarioReader.read(file).scenario());
        assertEquals(edited.loss(), reopened.loss(), 0.0);
        for (int t = 1; t <= 30; t++) {
            assertEquals(edited.steps().dLdhNorm(t), reopened.steps().dLdhNorm(t), 0.0);
        }
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left");
        }
    }

    @Test
    void unsavedChangesAreNotThrownAwayWithoutAsking(FxRobot robot) {
        Slider rho = robot.lookup("#rho-slider").queryAs(Slider.class);
        robot.interact(() -> rho.setValue(1.2));
        assertTrue(model.dirtyProperty().get());
        javafx.application.Platform.runLater(() -> window.confirmDiscard(() -> model.openSample("default.json")));
        waitForButton(robot, "Cancel");
        robot.clickOn("Cancel");
        assertEquals("Vanishing gradients in a vanilla RNN", model.document().content().title(), "cancel keeps the work");
        javafx.application.Platform.runLater(() -> window.confirmDiscard(() -> model.openSample("default.json")));
        waitForButton(robot, "Don't Save");
        robot.clickOn("Don't Save");
        assertEquals("An LSTM reads a wave, step by step", model.document().content().title());
        assertFalse(model.dirtyProperty().get());
    }

    /** Waits (up to 10 s, not a fixed time) until a dialog's button is on screen. */
    static void waitForButton(FxRobot robot, String text) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                    () -> robot.lookup(text).match(org.testfx.util.NodeQueryUtils.isVisible()).tryQuery().isPresent());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no \"" + text + "\" button appeared within 10 s", e);
        }
    }
}
