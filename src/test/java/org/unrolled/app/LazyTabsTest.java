package org.unrolled.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The side panel's hidden tabs are built when first chosen, so that the window appears sooner. */
@ExtendWith(ApplicationExtension.class)
class LazyTabsTest {
    @Start
    void start(Stage stage) {
        AppModel model = new AppModel(new RecentFiles(null), Runnable::run);
        TestWindow.useProgramLook();
        new MainWindow(stage, model, javafx.util.Duration.ZERO);
        model.openSample("rnn-vanishing.json");
        stage.show();
    }

    @Test
    void whatIfAndNotationAreBuiltOnFirstChoice(FxRobot robot) {
        assertFalse(robot.lookup("#rho-slider").tryQuery().isPresent(), "not built before it is chosen");
        assertFalse(robot.lookup("#notation-panel").tryQuery().isPresent());
        robot.clickOn("What if");
        assertTrue(robot.lookup("#rho-slider").tryQuery().isPresent());
        robot.clickOn("Notation");
        assertTrue(robot.lookup("#notation-panel").tryQuery().isPresent());
    }
}
