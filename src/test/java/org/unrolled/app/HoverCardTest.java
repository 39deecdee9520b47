package org.unrolled.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.unrolled.view.Hit;
import org.unrolled.view.NetworkCanvas;
import org.unrolled.view.VectorRef;

/** The hover card is there while the pointer is on a number, and only then. */
@ExtendWith(ApplicationExtension.class)
class HoverCardTest {
    private AppModel model;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        TestWindow w = TestWindow.open(stage, "default.json");
        model = w.model();
        window = w.window();
    }

    private Node card(FxRobot robot) {
        return robot.lookup(".hover-card").query();
    }

    /** Puts the pointer on h_3[0] at step 3 and checks that the card shows it. */
    private void pointAtH3(FxRobot robot) {
        robot.interact(() -> model.playback().positionProperty().set(3));
        NetworkCanvas canvas = window.canvas();
        Hit h3 = canvas.hits().stream()
                .filter(h -> h.ref().equals(VectorRef.of(false, 3, VectorRef.Kind.H)) && h.index() == 0)
                .findFirst().orElseThrow();
        robot.moveTo(canvas.localToScreen(h3.area().centerX(), h3.area().centerY()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(VectorRef.of(false, 3, VectorRef.Kind.H), model.hoveredProperty().get().ref());
        assertTrue(card(robot).isVisible(), "the card is up");
    }

    @Test
    void theCardGoesWithTheRolledView(FxRobot robot) {
        pointAtH3(robot);
        robot.type(KeyCode.R);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0.0, window.canvas().unfoldProperty().get(), "rolled up");
        assertFalse(card(robot).isVisible(), "no card over the rolled view, which has no numbers");
        assertNull(model.hoveredProperty().get());
    }

    @Test
    void theCardGoesWhenThePointerLeavesThePicture(FxRobot robot) {
        pointAtH3(robot);
        robot.moveTo(robot.lookup(".tab-pane").queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(card(robot).isVisible(), "the pointer is on the side panel");
        assertNull(model.hoveredProperty().get());
    }

    @Test
    void theCardFollowsThePictureUnderAStillPointer(FxRobot robot) {
        pointAtH3(robot);
        // back to the start: step 3 is not computed, its squares are empty and explain nothing
        robot.interact(() -> model.playback().positionProperty().set(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(model.hoveredProperty().get(), "nothing known under the pointer");
        assertFalse(card(robot).isVisible());
        // and forward again: the same square has its number back, and its card
        robot.interact(() -> model.playback().positionProperty().set(3));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(card(robot).isVisible());
    }
}
