package org.unrolled.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window opens headless (Monocle) on the built-in default scenario. */
@ExtendWith(ApplicationExtension.class)
class UnrolledAppTest {

    @Start
    void start(Stage stage) {
        UnrolledApp.setInitialScenario(null);
        new UnrolledApp().start(stage);
    }

    @Test
    void opensOnTheDefaultScenario(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup((Label l) -> l.getText().startsWith("An LSTM reads a wave")).tryQuery().isPresent());
        assertTrue(robot.lookup(".list-view").tryQuery().isPresent());
    }
}
