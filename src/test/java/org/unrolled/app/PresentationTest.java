package org.unrolled.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.unrolled.view.Palette;

/** Presentation mode, the clicker keys in it, blanking, the help overlay, the themes and text scale. */
@ExtendWith(ApplicationExtension.class)
class PresentationTest {
    private AppModel model;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        TestWindow w = TestWindow.open(stage, "default.json");
        model = w.model();
        window = w.window();
    }

    @Test
    void f5PresentsOnlyTheCanvasAndEscLeaves(FxRobot robot) {
        robot.clickOn("#network");
        robot.type(KeyCode.F5);
        assertTrue(window.state().presentingProperty().get());
        assertFalse(robot.lookup(".timeline-bar").query().isVisible(), "controls hidden");
        assertTrue(robot.lookup("#gradient-plot").query().isVisible(), "the gradient evidence stays in presentation");
        robot.type(KeyCode.G);
        assertFalse(robot.lookup("#gradient-plot").query().isVisible(), "G hides it");
        robot.type(KeyCode.G);
        assertTrue(robot.lookup("#gradient-plot").query().isVisible(), "and G shows it again");
        assertTrue(robot.lookup("#network").query().isVisible());
        robot.type(KeyCode.PAGE_DOWN, KeyCode.PAGE_DOWN, KeyCode.PAGE_DOWN);
        // the default's one question asked at the start and revealed at step 1, then a step
        assertEquals(2.0, model.playback().positionProperty().get(), "the clicker still drives the timeline");
        robot.type(KeyCode.B);
        assertTrue(robot.lookup(".blank-screen").query().isVisible());
        robot.type(KeyCode.B);
        assertFalse(robot.lookup(".blank-screen").query().isVisible());
        robot.press(KeyCode.SHIFT).type(KeyCode.SLASH).release(KeyCode.SHIFT);
        assertTrue(robot.lookup(".help-overlay").query().isVisible());
        robot.type(KeyCode.ESCAPE);
        assertFalse(window.state().presentingProperty().get());
        assertFalse(robot.lookup(".help-overlay").query().isVisible());
        assertTrue(robot.lookup(".timeline-bar").query().isVisible());
    }

    @Test
    void ctrlPlusAndMinusZoomTheCanvas(FxRobot robot) {
        robot.clickOn("#network");
        double before = ((org.unrolled.view.NetworkCanvas) robot.lookup("#network").query()).currentLayout().unit();
        robot.press(KeyCode.CONTROL).type(KeyCode.PLUS).release(KeyCode.CONTROL);
        double zoomedIn = window.state().viewProperty().get().unit();
        assertEquals(before * 1.25, zoomedIn, 1e-6, "Ctrl+Plus: a quarter larger");
        robot.press(KeyCode.CONTROL).type(KeyCode.MINUS).release(KeyCode.CONTROL);
        assertEquals(before, window.state().viewProperty().get().unit(), 1e-6, "Ctrl+Minus: back");
        // a US keyboard's Ctrl+Plus: Ctrl, Shift and the = key
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.EQUALS).release(KeyCode.SHIFT, KeyCode.CONTROL);
        assertEquals(before * 1.25, window.state().viewProperty().get().unit(), 1e-6, "Ctrl+Plus typed with Shift zooms in too");
        assertEquals(1.0, window.state().textScaleProperty().get(), 1e-9, "and leaves the text as it was");
        robot.press(KeyCode.CONTROL).type(KeyCode.MINUS).release(KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.ALT).type(KeyCode.EQUALS).release(KeyCode.ALT, KeyCode.CONTROL);
        assertEquals(1.15, window.state().textScaleProperty().get(), 1e-9, "Ctrl+Alt+Plus: text and lines larger");
        robot.interact(() -> window.state().setTextScale(1.0));
    }

    @Test
    void theLaserIsWhereThePointerIsOnThePictureAndNowhereElse(FxRobot robot) {
        robot.clickOn("#gradient-plot");
        robot.type(KeyCode.F5);
        robot.moveTo("#gradient-plot"); // where the plot is when presenting
        javafx.scene.shape.Circle laser = robot.lookup(".laser").query();
        assertFalse(laser.isVisible(), "the pointer is on the plot, not on the picture: no laser at the picture's corner");
        javafx.scene.Node network = robot.lookup("#network").query();
        robot.moveTo(network);
        assertTrue(laser.isVisible(), "on the picture");
        javafx.geometry.Bounds onScreen = network.localToScreen(network.getBoundsInLocal());
        javafx.geometry.Point2D centre = laser.localToScreen(laser.getCenterX(), laser.getCenterY());
        assertEquals(onScreen.getCenterX(), centre.getX(), 2, "under the pointer");
        assertEquals(onScreen.getCenterY(), centre.getY(), 2, "under the pointer");
        robot.moveTo("#gradient-plot");
        assertFalse(laser.isVisible(), "not left behind at the picture's edge when the pointer leaves it");
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void theToolbarButtonPresentsToo(FxRobot robot) {
        robot.clickOn("#present-button");
        assertTrue(window.state().presentingProperty().get());
        robot.type(KeyCode.ESCAPE);
        assertFalse(window.state().presentingProperty().get());
        assertTrue(robot.lookup("#present-button").query().isVisible(), "back with the controls");
    }

    @Test
    void theDarkThemeRecoloursTheCanvas(FxRobot robot) {
        robot.interact(() -> window.state().setTheme("dark"));
        assertEquals(Palette.DARK, window.state().viewProperty().get().palette());
        robot.interact(() -> window.state().setTheme("projector"));
        assertEquals(Palette.PROJECTOR, window.state().viewProperty().get().palette());
        robot.interact(() -> window.state().setTextScale(1.1));
        assertEquals(1.35 * 1.1, window.state().viewProperty().get().palette().scale(), 1e-12, "text scale on top of the theme's");
        robot.interact(() -> {
            window.state().setTextScale(1.0);
            window.state().setTheme("light");
        });
        assertEquals(Palette.LIGHT, window.state().viewProperty().get().palette());
    }
}
