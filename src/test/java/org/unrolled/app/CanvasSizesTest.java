package org.unrolled.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The sizes the text audit (view's TextAuditTest) paints at are the ones the window gives the picture
 * and the gradient plot: the window's root laid out at each screen size, in the window and presenting.
 * If the window's layout changes, this fails and says the new sizes to put in TextAudit.SCREENS.
 */
@ExtendWith(ApplicationExtension.class)
class CanvasSizesTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindow.open(stage, "default.json").window();
    }

    @Test
    void theAuditPaintsAtTheSizesTheWindowGives(FxRobot robot) {
        Node canvas = robot.lookup("#network").query();
        Node plot = robot.lookup("#gradient-plot").query();
        Region root = (Region) canvas.getScene().getRoot();
        List<String> expected = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        // the controls' theme is global to JavaFX: another test may have left the dark one, whose controls differ
        robot.interact(() -> {
            window.state().setTheme("dark");
            window.state().setTheme("light");
        });
        for (org.unrolled.view.TextAuditScreens.Screen s : org.unrolled.view.TextAuditScreens.SCREENS) {
            robot.interact(() -> window.state().setPresenting(s.presenting()));
            robot.interact(() -> {
                root.resize(s.w(), s.h());
                root.applyCss();
                root.layout();
                root.applyCss();
                root.layout();
                expected.add(s.toString());
                actual.add(new org.unrolled.view.TextAuditScreens.Screen(s.w(), s.h(), s.presenting(),
                        (int) Math.round(canvas.getLayoutBounds().getWidth()), (int) Math.round(canvas.getLayoutBounds().getHeight()),
                        (int) Math.round(plot.getLayoutBounds().getWidth()), (int) Math.round(plot.getLayoutBounds().getHeight()))
                        .toString());
            });
        }
        robot.interact(() -> window.state().setPresenting(false));
        assertEquals(String.join("\n", expected), String.join("\n", actual));
    }
}
