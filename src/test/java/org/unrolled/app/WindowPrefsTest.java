package org.unrolled.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.prefs.Preferences;
import javafx.beans.property.SimpleStringProperty;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The theme and the window's geometry survive a restart; garbage in the preferences is ignored. */
@ExtendWith(ApplicationExtension.class)
class WindowPrefsTest {
    private final Preferences node = Preferences.userRoot().node("org/unrolled/test-" + System.nanoTime());
    private Stage stage;

    @Start
    void start(Stage s) {
        stage = s;
        stage.setWidth(900);
        stage.setHeight(600);
        stage.show();
    }

    @AfterEach
    void removeNode() throws Exception {
        node.removeNode();
    }

    @Test
    void themeAndSizeSurviveARestart(FxRobot robot) {
        SimpleStringProperty theme = new SimpleStringProperty("light");
        robot.interact(() -> {
            new WindowPrefs(node).restoreAndTrack(stage, theme, theme::set);
            theme.set("projector");
            stage.setWidth(1000);
            stage.setX(20);
            stage.setY(30);
        });
        // "restart": a new window restored from the same preferences
        SimpleStringProperty themeAgain = new SimpleStringProperty("light");
        Stage[] second = new Stage[1];
        robot.interact(() -> {
            second[0] = new Stage();
            new WindowPrefs(node).restoreAndTrack(second[0], themeAgain, themeAgain::set);
        });
        assertEquals("projector", themeAgain.get());
        assertEquals(1000, second[0].getWidth(), 0.5);
    }

    @Test
    void corruptPreferencesFallBackToDefaults(FxRobot robot) {
        node.put("width", "not a number");
        node.put("height", "-5");
        node.put("x", "1e308");
        node.put("theme", "perhaps");
        SimpleStringProperty theme = new SimpleStringProperty("light");
        Stage[] fresh = new Stage[1];
        robot.interact(() -> {
            fresh[0] = new Stage();
            fresh[0].setWidth(700);
            new WindowPrefs(node).restoreAndTrack(fresh[0], theme, theme::set);
        });
        assertEquals("light", theme.get());
        assertEquals(700, fresh[0].getWidth(), 0.5, "no stored geometry was applied");
    }
}
