package org.unrolled.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Issue 15 on small screens: the side panel folds away, the timeline takes two rows, the presentation hint keeps to a corner. */
@ExtendWith(ApplicationExtension.class)
class SmallScreensTest {
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = TestWindow.open(stage, "default.json").window();
    }

    private static Bounds inScene(Node n) {
        return n.localToScene(n.getLayoutBounds());
    }

    private void layOut(Region root, double w, double h) {
        root.resize(w, h);
        root.applyCss();
        root.layout();
    }

    @Test
    void aNarrowWindowFoldsTheSidePanelAndGivesTheSliderItsOwnRow(FxRobot robot) {
        Node side = robot.lookup(".tab-pane").query();
        Node slider = robot.lookup("#timeline").query();
        Node play = robot.lookup("#play").query();
        Region root = (Region) side.getScene().getRoot();
        robot.interact(() -> layOut(root, 1600, 1000));
        assertTrue(side.isVisible() && window.showSideItem().isSelected(), "wide: the side panel is there");
        assertEquals(inScene(play).getCenterY(), inScene(slider).getCenterY(), 12, "wide: one row");
        for (int[] size : new int[][] {{1280, 720}, {1024, 768}, {1024, 640}}) {
            robot.interact(() -> layOut(root, size[0], size[1]));
            assertFalse(side.isVisible(), size[0] + ": the side panel folds away");
            assertTrue(inScene(slider).getMaxY() < inScene(play).getMinY(), size[0] + ": the slider has a row above the buttons");
            assertTrue(inScene(slider).getWidth() > 0.5 * size[0], size[0] + ": and most of the width: " + inScene(slider));
            for (String id : new String[] {"#present-button", "#speed-choice", "#phase-choice", "#step-label"}) {
                Bounds b = inScene(robot.lookup(id).query());
                assertTrue(b.getMaxX() <= size[0] + 0.5, size[0] + ": " + id + " inside the window: " + b);
                Region r = robot.lookup(id).query();
                assertTrue(r.getWidth() >= r.prefWidth(-1) - 0.5, size[0] + ": " + id + " not squeezed: " + r.getWidth());
            }
        }
        robot.interact(() -> window.showSideItem().setSelected(true));
        robot.interact(() -> layOut(root, 1280, 720));
        assertTrue(side.isVisible(), "View > Side panel brings it back in a narrow window");
        robot.interact(() -> layOut(root, 1600, 1000));
        assertTrue(side.isVisible());
    }

    @Test
    void thePresentationHintKeepsToACornerAndJavaFxShowsNone(FxRobot robot) {
        robot.interact(() -> window.state().setPresenting(true));
        Node hint = robot.lookup("#present-hint").query();
        Node canvas = robot.lookup("#network").query();
        assertTrue(hint.isVisible(), "how to leave is said");
        assertEquals("", stage.getFullScreenExitHint(), "not JavaFX's hint in the middle of the screen");
        Bounds h = inScene(hint);
        Bounds c = inScene(canvas);
        assertTrue(h.getMinX() > c.getCenterX() && h.getMinY() > c.getCenterY(), "bottom-right: " + h + " in " + c);
        robot.interact(() -> window.state().setPresenting(false));
        assertFalse(hint.isVisible());
    }
}
