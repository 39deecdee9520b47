package org.unrolled.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A lesson walked with the clicker: beats, their captions and highlights, and leaving them. */
@ExtendWith(ApplicationExtension.class)
class LessonTest {
    private AppModel model;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        TestWindow w = TestWindow.open(stage, "lstm-gates.json");
        model = w.model();
        window = w.window();
    }

    private String beatCaption(FxRobot robot) {
        Label l = robot.lookup("#beat-caption").queryAs(Label.class);
        return l.isVisible() ? l.getText() : "";
    }

    private double position() {
        return model.playback().positionProperty().get();
    }

    @Test
    void pageDownWalksTheBeatsWithTheirCaptionsAndHighlights(FxRobot robot) {
        assertEquals("The three LSTM gates: write, keep, read, erase", beatCaption(robot), "the title before the first step");
        String captions = robot.lookup("#captions").queryAs(Label.class).getText();
        assertTrue(captions.startsWith("A one-unit LSTM whose weights were set by hand so that each gate has one job."),
                "the description's first sentence: " + captions);
        assertTrue(captions.contains("press Page Down"), "and a hint that there is a lesson");
        robot.clickOn("#network");
        robot.type(KeyCode.PAGE_DOWN);
        assertEquals(1.0, position());
        assertTrue(beatCaption(robot).startsWith("write 0.8"), beatCaption(robot));
        assertEquals(Set.of(org.unrolled.document.Highlight.I, org.unrolled.document.Highlight.G, org.unrolled.document.Highlight.HIGHWAY), window.state().viewProperty().get().highlight());
        assertEquals("Beat 1 of 6", robot.lookup("#beat-number").queryAs(Label.class).getText());

        robot.type(KeyCode.PAGE_DOWN, KeyCode.PAGE_DOWN);
        assertEquals(4.0, position(), "the third beat is at t = 4");
        assertTrue(beatCaption(robot).startsWith("read"));
        robot.type(KeyCode.PAGE_UP);
        assertEquals(2.0, position());

        robot.type(KeyCode.RIGHT);
        assertEquals(3.0, position(), "arrow keys still step");
        assertEquals("", beatCaption(robot), "off the beat: no beat caption");
        assertEquals("After beat 2 of 6", robot.lookup("#beat-number").queryAs(Label.class).getText(),
                "which side of the beat last chosen (at t = 2) the position is");
        robot.type(KeyCode.PAGE_DOWN, KeyCode.LEFT);
        assertEquals(3.0, position(), "the third beat (t = 4) chosen, then a step back");
        assertEquals("Before beat 3 of 6", robot.lookup("#beat-number").queryAs(Label.class).getText());
        robot.type(KeyCode.PAGE_UP, KeyCode.PAGE_UP, KeyCode.RIGHT);
        assertEquals(3.0, position(), "back to the third beat, to the second, then a step on, as before");
        assertEquals(Set.of(), window.state().viewProperty().get().highlight(), "and nothing highlighted");

        // the erase beat asks a question first: one press asks it, the next reveals it
        robot.type(KeyCode.PAGE_DOWN, KeyCode.PAGE_DOWN, KeyCode.PAGE_DOWN, KeyCode.PAGE_DOWN, KeyCode.PAGE_DOWN);
        assertTrue(beatCaption(robot).contains("flows back"), beatCaption(robot));
        assertTrue(position() > 8, "a backward beat moves into the backward phase");
        double last = position();
        robot.type(KeyCode.PAGE_DOWN);
        assertEquals(last + 1, position(), 1e-9, "past the last beat the clicker goes on stepping");
    }

    @Test
    void theBeatButtonsDoWhatTheKeysDo(FxRobot robot) {
        assertTrue(robot.lookup("#previous-beat").query().isDisabled());
        robot.clickOn("#next-beat");
        robot.clickOn("#next-beat");
        assertEquals(2.0, position());
        robot.clickOn("#previous-beat");
        assertEquals(1.0, position());
        assertTrue(robot.lookup("#previous-beat").query().isDisabled(), "no beat before the first");
    }

    @Test
    void rRollsTheNetworkUpAndUnfoldsItAgain(FxRobot robot) {
        robot.clickOn("#network");
        robot.type(KeyCode.R);
        assertEquals(0.0, window.rolled().unfoldProperty().get(), "rolled: one looping cell");
        robot.type(KeyCode.R);
        assertEquals(1.0, window.rolled().unfoldProperty().get(), "unfolded in time");
    }

    @Test
    void aLecturerWritesABeatInTheWindow(FxRobot robot) {
        robot.clickOn("#network");
        robot.type(KeyCode.RIGHT, KeyCode.RIGHT, KeyCode.RIGHT);
        robot.press(KeyCode.CONTROL).type(KeyCode.B).release(KeyCode.CONTROL);
        robot.clickOn("#beat-caption-input").write("t = 3: the new value is ignored");
        robot.clickOn("gate i");
        robot.clickOn("Add beat");
        var beats = model.document().content().lesson();
        assertEquals(7, beats.size());
        org.unrolled.document.Beat added = beats.get(2); // after beat 2 (at t = 2), the last one passed
        assertEquals(new org.unrolled.document.Beat(3, false, "t = 3: the new value is ignored", java.util.List.of(org.unrolled.document.Highlight.I)), added);
        assertEquals(3.0, position(), "the new beat is where the timeline was");
        assertEquals("t = 3: the new value is ignored", beatCaption(robot));
        assertTrue(model.dirtyProperty().get(), "an unsaved change, saved with the scenario");
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        assertEquals(6, model.document().content().lesson().size(), "undone like any edit");
    }

    @Test
    void reopeningTheSampleStartsTheLessonAgainAndPageUpReturnsToTheBeatLeft(FxRobot robot) {
        robot.clickOn("#network");
        robot.type(KeyCode.PAGE_DOWN, KeyCode.PAGE_DOWN);
        assertEquals(2.0, position());
        robot.type(KeyCode.RIGHT, KeyCode.RIGHT);
        robot.type(KeyCode.PAGE_UP);
        assertEquals(2.0, position(), "Page Up first goes back to the beat the timeline was moved off");
        robot.type(KeyCode.PAGE_UP);
        assertEquals(1.0, position(), "then to the one before");
        robot.interact(() -> model.openSample("lstm-gates.json"));
        assertEquals(0.0, position(), "back at the start");
        assertEquals("6 beats", robot.lookup("#beat-number").queryAs(Label.class).getText(), "the lesson starts afresh");
        robot.type(KeyCode.PAGE_DOWN);
        assertEquals(1.0, position(), "Page Down goes to the first beat");
    }

    @Test
    void aStepDuringAGlideStopsTheGlide(FxRobot robot) throws Exception {
        Lesson slow = new Lesson(model, new WindowState(), javafx.util.Duration.seconds(20));
        robot.interact(() -> slow.goTo(5)); // the backward beat, far along the timeline
        org.testfx.util.WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> position() > 0); // the glide is under way
        robot.interact(() -> model.playback().stepForward());
        double after = position();
        Thread.sleep(400); // proving that nothing moves takes time: a 20-s glide would move in 400 ms
        assertEquals(after, position(), 0.0, "the user's step wins: the glide does not pull the position on");
    }

    @Test
    void aBeatSaysWhenTheNumbersNoLongerAreTheOnesItWasWrittenFor(FxRobot robot) {
        robot.clickOn("#network");
        robot.type(KeyCode.PAGE_DOWN);
        assertTrue(beatCaption(robot).startsWith("write 0.8"));
        robot.interact(() -> model.edit("forget", s -> org.unrolled.engine.ScenarioEdits.withForgetBias(s, -3)));
        // the sample's beats carry checks: the write at t = 1 does not depend on f (c_0 = 0), the keep at t = 2 does
        assertTrue(beatCaption(robot).startsWith("write 0.8")
                && beatCaption(robot).endsWith("(Checked: still true for these numbers.)"), beatCaption(robot));
        robot.type(KeyCode.PAGE_DOWN);
        assertTrue(beatCaption(robot).startsWith("(No longer true for these numbers: f_2[0] = ")
                && beatCaption(robot).contains("no flag:"), beatCaption(robot));
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        assertTrue(beatCaption(robot).startsWith("no flag:"), "undone: the sample as written again");
    }

    @Test
    void aBeatWrittenAfterAChangeSpeaksOfTheChangedNumbers(FxRobot robot) {
        robot.interact(() -> model.edit("forget", s -> org.unrolled.engine.ScenarioEdits.withForgetBias(s, -3)));
        robot.clickOn("#network");
        robot.type(KeyCode.RIGHT);
        robot.press(KeyCode.CONTROL).type(KeyCode.B).release(KeyCode.CONTROL);
        robot.clickOn("#beat-caption-input").write("f is near 0 now");
        robot.clickOn("Add beat");
        assertEquals("f is near 0 now", beatCaption(robot), "no 'written before your changes' on a beat written after them");
    }

    @Test
    void aCheckedBeatIsCheckedAgainAfterAChange(FxRobot robot) {
        // a beat at t = 2 claiming the forget gate is open: b_f = +3 keeps it so, b_f = −3 closes it
        org.unrolled.document.Check open = new org.unrolled.document.Check.Value("the forget gate is open", "mean(f[2])",
                new org.unrolled.document.Check.Bound(null, null, 0.5, null));
        org.unrolled.document.Beat beat = new org.unrolled.document.Beat(2, false, "At t = 2 the forget gate is open.",
                java.util.List.of(org.unrolled.document.Highlight.F), java.util.List.of(open));
        robot.interact(() -> model.editDocument("beat", d -> d.withScenario(
                org.unrolled.engine.ScenarioEdits.withForgetBias(d.scenario(), 3)).withBeat(0, beat)));
        robot.clickOn("#network");
        robot.interact(() -> window.lesson().goTo(0));
        assertEquals("At t = 2 the forget gate is open. (Checked: still true for these numbers.)", beatCaption(robot));
        robot.interact(() -> model.edit("forget", s -> org.unrolled.engine.ScenarioEdits.withForgetBias(s, -3)));
        robot.interact(() -> window.lesson().goTo(0));
        String shown = beatCaption(robot);
        assertTrue(shown.startsWith("(No longer true for these numbers: mean(f_2) = 0.0"), shown);
        assertTrue(shown.endsWith("expected above 0.5.) At t = 2 the forget gate is open."), shown);
    }

    @Test
    void aBeatWithoutChecksSaysItWasWrittenForTheNumbersBeforeTheChanges(FxRobot robot) {
        org.unrolled.document.Beat unchecked = new org.unrolled.document.Beat(1, false, "A beat with no checks.",
                java.util.List.of());
        robot.interact(() -> model.editDocument("beat", d -> d.withScenario(
                org.unrolled.engine.ScenarioEdits.withForgetBias(d.scenario(), -2)).withBeat(0, unchecked)));
        robot.clickOn("#network");
        robot.interact(() -> window.lesson().goTo(0));
        assertEquals("(Written for the sample before your changes.) A beat with no checks.", beatCaption(robot));
    }
}
