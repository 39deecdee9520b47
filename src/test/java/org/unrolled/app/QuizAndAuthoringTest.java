package org.unrolled.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.unrolled.document.Question;
import org.unrolled.io.ScenarioReader;
import org.unrolled.io.ScenarioWriter;

/** View ▸ Quiz me walked with the keys, and Edit ▸ Add question here: saved, and undone. */
@ExtendWith(ApplicationExtension.class)
class QuizAndAuthoringTest {
    private AppModel model;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        TestWindow w = TestWindow.open(stage, "rnn-vanishing.json");
        model = w.model();
        window = w.window();
    }

    @Test
    void quizMeScoresTheAnswersAndLinksBackToTheMissedOne(FxRobot robot) {
        robot.clickOn("View").clickOn("Quiz me");
        assertEquals(model.document().content().lesson().get(2), window.lesson().askingProperty().get(),
                "the first question: beat 3 (what ρ = 1.5 does)");
        robot.clickOn("#network");
        robot.type(KeyCode.D); // grows by more than 100×: right (3.5·10⁻¹⁰ → 6.6·10⁻⁴)
        robot.type(KeyCode.PAGE_DOWN);
        assertTrue(window.lesson().revealedProperty().get(), "Page Down checks the pick");
        robot.type(KeyCode.PAGE_DOWN);
        assertEquals(model.document().content().lesson().get(3), window.lesson().askingProperty().get());
        robot.type(KeyCode.DIGIT3); // larger: wrong, ∂L/∂h_1 is 10⁻⁹ of ∂L/∂h_30
        robot.type(KeyCode.PAGE_DOWN, KeyCode.PAGE_DOWN);
        assertFalse(window.lessonActions().quiz().runningProperty().get(), "two questions: the quiz is over");
        assertEquals("1 of 2 right", robot.lookup("#quiz-score-text").queryAs(Label.class).getText());
        assertFalse(robot.lookup("#quiz-missed-2").tryQuery().isPresent(), "the right one is not listed");
        robot.clickOn("#quiz-missed-3");
        assertEquals(model.document().content().lesson().get(3), window.lesson().askingProperty().get(),
                "the link goes back to the missed question");
        assertTrue(window.lesson().revealedProperty().get(), "with its answer shown");
    }

    @Test
    void addQuestionHereIsSavedInTheFileAndUndoable(FxRobot robot) throws Exception {
        robot.clickOn("#network");
        robot.type(KeyCode.PAGE_DOWN, KeyCode.PAGE_DOWN); // beat 2: BPTT starts at t = 30
        assertNull(model.document().content().lesson().get(1).question());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.B).release(KeyCode.B, KeyCode.SHIFT, KeyCode.CONTROL);
        robot.clickOn("#question-prompt-input").write("Is h_30[0] negative or positive?");
        robot.clickOn("#question-first").write("h[30][0]");
        robot.clickOn("#question-second").write("0");
        String preview = robot.lookup("#question-preview").queryAs(Label.class).getText();
        assertTrue(preview.startsWith("On these numbers the answer is"), preview);
        robot.clickOn("Add question");
        Question q = model.document().content().lesson().get(1).question();
        assertEquals(Question.value("Is h_30[0] negative or positive?", "h[30][0]", java.util.List.of(0.0)), q);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ScenarioWriter.write(model.document().content(), out);
        assertEquals(q, ScenarioReader.parse(out.toString(StandardCharsets.UTF_8), "saved.json").lesson().get(1).question(),
                "written into the scenario file");
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        assertNull(model.document().content().lesson().get(1).question(), "undone");
    }

    @Test
    void aRhoQuestionIsAnsweredOnTheWorkerWhileTheLecturerTypes(FxRobot robot) throws Exception {
        robot.clickOn("#network");
        robot.type(KeyCode.PAGE_DOWN, KeyCode.PAGE_DOWN);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.B).release(KeyCode.B, KeyCode.SHIFT, KeyCode.CONTROL);
        robot.interact(() -> robot.lookup("#question-kind").queryAs(javafx.scene.control.ChoiceBox.class)
                .getSelectionModel().select(4)); // ρ
        robot.clickOn("#question-prompt-input").write("And with rho at 1.5?");
        robot.clickOn("#question-first").write("norm(dL_dh[1])");
        robot.clickOn("#question-second").write("1.5");
        // the engine re-runs on the lessons' worker; the answer arrives on the JavaFX thread
        org.testfx.util.WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS,
                () -> robot.lookup("#question-preview").queryAs(Label.class).getText().startsWith("On these numbers"));
        String preview = robot.lookup("#question-preview").queryAs(Label.class).getText();
        // ρ = 1.5 instead of 0.5 over 30 steps: the gradient at step 1 grows by far more than 100× (the lesson's beat 3)
        assertTrue(preview.startsWith("On these numbers the answer is D, grows by more than 100×"), preview);
        robot.clickOn("Add question");
        assertEquals(Question.rho("And with rho at 1.5?", 1.5, "norm(dL_dh[1])"),
                model.document().content().lesson().get(1).question());
    }
}
