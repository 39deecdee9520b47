package org.unrolled.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.unrolled.document.Beat;
import org.unrolled.document.Question;
import org.unrolled.view.StepSchedule;

/**
 * The temporal-order race lesson: "which network wins the race at T = 50" asked on the clicker before
 * the answer step, revealed with the three networks' held-out numbers; and in Quiz me.
 */
@ExtendWith(ApplicationExtension.class)
class RaceQuestionFlowTest {
    private AppModel model;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        TestWindow w = TestWindow.open(stage, "order-gru.json");
        model = w.model();
        window = w.window();
    }

    private String text(FxRobot robot, String id) {
        Label l = robot.lookup(id).queryAs(Label.class);
        return l.isVisible() ? l.getText() : "";
    }

    @Test
    void theRaceIsAskedBeforeTheAnswerStepAndRevealedWithTheHeldOutNumbers(FxRobot robot) {
        robot.clickOn("#network");
        robot.type(KeyCode.PAGE_DOWN, KeyCode.PAGE_DOWN, KeyCode.PAGE_DOWN);
        Beat beat = model.document().content().lesson().get(2);
        assertEquals(Question.Kind.RACE, beat.question().kind());
        assertEquals(beat, window.lesson().askingProperty().get(), "the race is asked");
        assertEquals(new StepSchedule(model.document().trace()).positionOf(beat) - 1,
                model.playback().positionProperty().get(), 1e-9, "one step before the answer y_50");
        assertTrue(text(robot, "#question-prompt").startsWith("The race at T = 50"), text(robot, "#question-prompt"));
        assertEquals("A   RNN tanh (order-rnn.json)", text(robot, "#question-choice-0"));
        assertEquals("B   LSTM (order-lstm.json)", text(robot, "#question-choice-1"));
        assertEquals("C   GRU (this network)", text(robot, "#question-choice-2"));
        robot.clickOn("#tally-plus-1");
        robot.clickOn("#network");
        robot.type(KeyCode.PAGE_DOWN);
        assertTrue(window.lesson().revealedProperty().get());
        assertTrue(text(robot, "#question-choice-2").startsWith("✓ C"), text(robot, "#question-choice-2"));
        String why = text(robot, "#question-explanation");
        // the race's numbers (README: RNN 24.1%, LSTM and GRU 100.0% held out): the tie goes to the lower cross-entropy
        assertTrue(why.startsWith("Answer C: On 1,000 held-out sequences of the race at T = 50, seed 1"), why);
        assertTrue(why.contains("RNN tanh (order-rnn.json) 24.1% right") && why.contains("LSTM (order-lstm.json) 100.0% right")
                && why.contains("GRU (this network) 100.0% right"), why);
        assertTrue(why.endsWith("ties on the most right and has the lower mean cross-entropy."), why);
        assertEquals("100% of hands", text(robot, "#tally-share-1"), "the room's hand beside the truth");
        assertTrue(text(robot, "#beat-caption").startsWith("The GRU answers AA"), text(robot, "#beat-caption"));
    }

    @Test
    void quizMeAsksTheRaceToo(FxRobot robot) {
        robot.clickOn("View").clickOn("Quiz me");
        assertEquals(model.document().content().lesson().get(2), window.lesson().askingProperty().get(),
                "the first question: the race");
        robot.clickOn("#network");
        robot.type(KeyCode.C); // the GRU: right
        robot.type(KeyCode.PAGE_DOWN, KeyCode.PAGE_DOWN);
        assertEquals(model.document().content().lesson().get(3), window.lesson().askingProperty().get());
        robot.type(KeyCode.D); // ‖∂L/∂h_9‖ is 0.5 decades below ‖∂L/∂h_50‖ (B): D is wrong
        robot.type(KeyCode.PAGE_DOWN, KeyCode.PAGE_DOWN);
        assertFalse(window.lessonActions().quiz().runningProperty().get(), "two questions: the quiz is over");
        assertEquals("1 of 2 right", robot.lookup("#quiz-score-text").queryAs(Label.class).getText());
        assertFalse(robot.lookup("#quiz-missed-2").tryQuery().isPresent(), "the race was answered right");
        assertTrue(robot.lookup("#quiz-missed-3").tryQuery().isPresent());
    }
}
