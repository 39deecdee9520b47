package org.unrolled.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.unrolled.document.ScenarioDocument;
import org.unrolled.engine.Activation;
import org.unrolled.engine.CellType;
import org.unrolled.engine.Feedback;
import org.unrolled.engine.Mapping;
import org.unrolled.engine.Parameters;
import org.unrolled.engine.Scenario;

/**
 * Every What-if control either keeps the weights (an edit that keeps their shape) or, on trained or
 * hand-set weights, says why it needs new ones and asks first; Cancel changes nothing and undo brings
 * the old weights back exactly.
 */
@ExtendWith(ApplicationExtension.class)
class WhatIfWeightsTest {
    private AppModel model;

    @Start
    void start(Stage stage) {
        model = TestWindow.open(stage, "teacher-forcing.json").model();
    }

    private Scenario shown() {
        return model.document().scenario();
    }

    private static double[] weights(Scenario s) {
        return Parameters.flatten(s.weights());
    }

    private boolean dialogShown(FxRobot robot) {
        return robot.lookup("#new-weights-dialog").tryQuery().isPresent();
    }

    @Test
    void switchingTeacherForcingToFreeRunningKeepsTheTrainedWeights(FxRobot robot) {
        ScenarioDocument before = model.document().content();
        assertEquals(Feedback.TEACHER_FORCING, before.scenario().feedback());
        double y1 = model.document().trace().steps().y(1)[0];
        robot.clickOn("What if");
        @SuppressWarnings("unchecked")
        ComboBox<Feedback> feedback = robot.lookup("#feedback-choice").queryAs(ComboBox.class);
        robot.interact(() -> feedback.setValue(Feedback.FREE_RUNNING));
        assertFalse(dialogShown(robot), "nothing to ask: the weights fit");
        assertEquals(Feedback.FREE_RUNNING, shown().feedback());
        assertArrayEquals(weights(before.scenario()), weights(shown()), 0.0, "the same trained weights");
        assertEquals(before.lesson(), model.document().content().lesson(), "the lesson stays: it is the same network");
        assertEquals(y1, model.document().trace().steps().y(1)[0], 0.0, "x_1 and h_0 are unchanged, so y_1 is too");
    }

    @Test
    void controlsThatKeepTheShapeKeepEveryWeight(FxRobot robot) {
        robot.interact(() -> model.openSample("sentiment.json"));
        ScenarioDocument before = model.document().content();
        robot.clickOn("What if");
        @SuppressWarnings("unchecked")
        ComboBox<Activation> activation = robot.lookup("#activation-choice").queryAs(ComboBox.class);
        @SuppressWarnings("unchecked")
        Spinner<Integer> length = robot.lookup("#length-spinner").queryAs(Spinner.class);
        @SuppressWarnings("unchecked")
        ComboBox<Mapping> mapping = robot.lookup("#mapping-choice").queryAs(ComboBox.class);
        assertEquals(CellType.RNN, before.scenario().cell(), "this test needs the sentiment sample to be a vanilla RNN");
        robot.interact(() -> activation.setValue(Activation.RELU));
        robot.interact(() -> length.getValueFactory().setValue(before.scenario().inputCount() + 2));
        robot.interact(() -> mapping.setValue(Mapping.MANY_TO_MANY));
        assertFalse(dialogShown(robot));
        assertEquals(Mapping.MANY_TO_MANY, shown().mapping());
        assertEquals(Activation.RELU, shown().activation());
        assertArrayEquals(weights(before.scenario()), weights(shown()), 0.0, "activation, length and mapping keep every weight");
    }

    @Test
    void aChangeOfShapeAsksFirstAndCancelChangesNothing(FxRobot robot) {
        ScenarioDocument before = model.document().content();
        robot.clickOn("What if");
        ToggleButton lstm = robot.lookup("LSTM").queryAs(ToggleButton.class);
        assertNotEquals(CellType.LSTM, before.scenario().cell());
        javafx.application.Platform.runLater(() -> lstm.setSelected(true));
        WhatIfTest.waitForButton(robot, "Replace the weights");
        assertTrue(robot.lookup(".dialog-pane .content").queryLabeled().getText().contains("Ctrl+Z"),
                "the dialog says how to get the weights back");
        robot.clickOn("Cancel");
        assertSame(before.scenario(), shown(), "cancelled: the same scenario");
        assertFalse(lstm.isSelected(), "and the control shows it");

        javafx.application.Platform.runLater(() -> lstm.setSelected(true));
        WhatIfTest.waitForButton(robot, "Replace the weights");
        robot.clickOn("Replace the weights");
        assertEquals(CellType.LSTM, shown().cell());
        robot.interact(() -> model.undo());
        assertEquals(before.scenario().cell(), shown().cell());
        assertArrayEquals(weights(before.scenario()), weights(shown()), 0.0, "undo restores the trained weights exactly");
    }

    @Test
    void hiddenSizeSeedAndScaleAskToo(FxRobot robot) {
        ScenarioDocument before = model.document().content();
        robot.clickOn("What if");
        @SuppressWarnings("unchecked")
        Spinner<Integer> hidden = robot.lookup("#hidden-spinner").queryAs(Spinner.class);
        @SuppressWarnings("unchecked")
        Spinner<Integer> seed = robot.lookup("#seed-spinner").queryAs(Spinner.class);
        Slider scale = robot.lookup("#scale-slider").queryAs(Slider.class);
        for (Runnable change : new Runnable[] {
            () -> hidden.getValueFactory().setValue(before.scenario().hiddenSize() + 1),
            () -> seed.getValueFactory().setValue(seed.getValue() + 1),
            () -> scale.setValue(scale.getValue() > 1 ? 0.3 : 1.5)}) {
            javafx.application.Platform.runLater(change);
            WhatIfTest.waitForButton(robot, "Replace the weights");
            robot.clickOn("Cancel");
            assertSame(before.scenario(), shown());
        }
    }

    @Test
    void seededWeightsAreRedrawnWithoutAskingAndTheHintSaysWhich(FxRobot robot) {
        robot.interact(() -> model.openSample("gru-seq2seq.json"));
        ScenarioDocument before = model.document().content();
        assertTrue(before.scenario().init() != null, "this sample's weights come from a seed");
        robot.clickOn("What if");
        String hint = robot.lookup("#what-if-hint").queryLabeled().getText();
        assertTrue(hint.contains("hidden size, seed and scale draw new weights"), hint);
        @SuppressWarnings("unchecked")
        Spinner<Integer> hidden = robot.lookup("#hidden-spinner").queryAs(Spinner.class);
        robot.interact(() -> hidden.getValueFactory().setValue(before.scenario().hiddenSize() + 1));
        assertFalse(dialogShown(robot));
        assertEquals(before.scenario().hiddenSize() + 1, shown().hiddenSize());
        robot.interact(() -> model.undo());
        assertArrayEquals(weights(before.scenario()), weights(shown()), 0.0);
    }
}
