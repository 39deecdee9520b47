package org.unrolled.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.unrolled.document.Beat;
import org.unrolled.view.StepSchedule;

/**
 * The vanishing-gradient lesson run as in class, on the clicker and the keyboard alone: ask (the
 * picture one step before the answer), tally, reveal (the right choice marked, the numbers named).
 */
@ExtendWith(ApplicationExtension.class)
class QuestionFlowTest {
    private AppModel model;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        TestWindow w = TestWindow.open(stage, "rnn-vanishing.json");
        model = w.model();
        window = w.window();
    }

    private double position() {
        return model.playback().positionProperty().get();
    }

    private String text(FxRobot robot, String id) {
        Label l = robot.lookup(id).queryAs(Label.class);
        return l.isVisible() ? l.getText() : "";
    }

    @Test
    void askTallyRevealExplainOnTheClicker(FxRobot robot) {
        robot.clickOn("#network");
        robot.type(KeyCode.PAGE_DOWN, KeyCode.PAGE_DOWN, KeyCode.PAGE_DOWN);
        // beat 3 asks what ρ = 1.5 would do; beat 4 (t = 1, backward) how ‖∂L/∂h_1‖ compares with ‖∂L/∂h_30‖
        robot.type(KeyCode.PAGE_DOWN, KeyCode.PAGE_DOWN);
        Beat beat = model.document().content().lesson().get(3);
        assertEquals(beat, window.lesson().askingProperty().get(), "the key moment is asked");
        assertEquals("Question, beat 4 of 4", text(robot, "#beat-number"), "not \"Before beat 4 of 4\": it is asked a step early on purpose");
        StepSchedule timeline = new StepSchedule(model.document().trace());
        assertEquals(timeline.positionOf(beat) - 1, position(), 1e-9, "the picture stops one step before it");
        assertFalse(timeline.gradientKnown(1, position()), "so ∂L/∂h_1 is not on screen yet");
        assertTrue(robot.lookup("#question-panel").query().isVisible());
        assertTrue(text(robot, "#question-prompt").contains("‖∂L/∂h_1‖"), text(robot, "#question-prompt"));
        assertEquals("", text(robot, "#beat-caption"), "the caption, which says the answer, waits");
        assertFalse(robot.lookup("#question-explanation").query().isVisible());
        assertTrue(window.state().viewProperty().get().hideUncomputed()
                && window.state().viewProperty().get().highlight().isEmpty(),
                "what is not computed yet is left blank, not drawn faded");

        // the room's hands: two for A, typed 7 for C; a guess with the keys (B, then 1)
        robot.clickOn("#tally-plus-0");
        robot.clickOn("#tally-plus-0");
        robot.doubleClickOn("#tally-2").write("7");
        robot.clickOn("#network");
        robot.type(KeyCode.B);
        assertEquals(1, window.lesson().guessProperty().get(), "B during a question is choice B");
        robot.type(KeyCode.DIGIT1);
        assertEquals(0, window.lesson().guessProperty().get());
        assertEquals(2, window.lesson().tallyProperty(0).get());
        assertEquals(7, window.lesson().tallyProperty(2).get());

        robot.type(KeyCode.PAGE_DOWN);
        assertTrue(window.lesson().revealedProperty().get());
        assertEquals(timeline.positionOf(beat), position(), 1e-9, "the reveal computes the hidden step");
        assertTrue(timeline.gradientKnown(1, position()));
        assertEquals(java.util.Set.copyOf(beat.highlight()), window.state().viewProperty().get().highlight(),
                "revealed: the beat's own rings");
        String right = text(robot, "#question-choice-0");
        assertTrue(right.startsWith("✓ A") && right.contains("smaller by more than 100×"), right);
        assertFalse(text(robot, "#question-choice-2").startsWith("✓"));
        String why = text(robot, "#question-explanation");
        // the numbers of the sample's trace: ‖∂L/∂h_1‖ = 3.47·10⁻¹⁰, ‖∂L/∂h_30‖ = 0.3176 (description: 1.1·10⁻⁹ of it)
        assertTrue(why.contains("‖∂L/∂h_1‖ = 3.47e−10") && why.contains("9.0 decades smaller"), why);
        assertEquals("22% of hands — right", text(robot, "#tally-share-0"), "2 of 9 hands beside the truth");
        assertEquals("78% of hands", text(robot, "#tally-share-2"));
        assertTrue(text(robot, "#beat-caption").startsWith("At t = 1"), "now the beat's caption");

        robot.type(KeyCode.PAGE_DOWN);
        assertNull(window.lesson().askingProperty().get(), "after the last beat the question is done");
    }

    @Test
    void whatIfChangesTheAnswerAndStepsLeaveTheQuestion(FxRobot robot) {
        robot.clickOn("#network");
        robot.type(KeyCode.PAGE_DOWN, KeyCode.PAGE_DOWN, KeyCode.PAGE_DOWN);
        assertEquals(model.document().content().lesson().get(2), window.lesson().askingProperty().get());
        robot.type(KeyCode.PAGE_DOWN);
        assertTrue(text(robot, "#question-explanation").contains("ρ = 1.5 instead of 0.50"),
                text(robot, "#question-explanation"));
        assertTrue(text(robot, "#question-choice-3").startsWith("✓ D"), "it grows by more than 100×");
        robot.interact(() -> model.edit("rho", s -> org.unrolled.engine.ScenarioEdits.withSpectralRadius(s, 1.5)));
        assertTrue(text(robot, "#question-explanation").contains("instead of 1.50"),
                "recomputed for the new numbers: " + text(robot, "#question-explanation"));
        assertTrue(text(robot, "#question-choice-2").startsWith("✓ C"),
                "at ρ = 1.5 already, the change is small: " + text(robot, "#question-explanation"));
        robot.type(KeyCode.RIGHT);
        assertNull(window.lesson().askingProperty().get(), "stepping by hand leaves the question");
    }
}
