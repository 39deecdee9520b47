package org.unrolled.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The shortcuts are declared once: the menus, the keys and the help all agree with the table. */
@ExtendWith(ApplicationExtension.class)
class ShortcutTest {
    private AppModel model;
    private Stage stage;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        TestWindow w = TestWindow.open(stage, "lstm-gates.json");
        model = w.model();
        window = w.window();
    }

    private static void items(List<MenuItem> from, List<MenuItem> into) {
        for (MenuItem i : from) {
            into.add(i);
            if (i instanceof Menu m) {
                items(m.getItems(), into);
            }
        }
    }

    @Test
    void everyAcceleratorIsATableEntryAndNoKeyMeansTwoThings(FxRobot robot) {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        List<MenuItem> all = new ArrayList<>();
        for (Menu m : bar.getMenus()) {
            items(m.getItems(), all);
        }
        Set<KeyCombination> table = new HashSet<>();
        for (Shortcut s : Shortcut.values()) {
            for (KeyCombination k : s.keys) {
                assertTrue(table.add(k), k + " is declared twice");
            }
        }
        int withKeys = 0;
        for (MenuItem i : all) {
            if (i.getAccelerator() != null) {
                withKeys++;
                assertTrue(java.util.Arrays.stream(Shortcut.values()).anyMatch(s -> s.accelerator().equals(i.getAccelerator())),
                        i.getText() + "'s " + i.getAccelerator() + " is not in the table");
            }
        }
        assertTrue(withKeys >= 15, "the menus show the table's keys: " + withKeys);
    }

    @Test
    void theHelpListsEveryShortcut(FxRobot robot) {
        robot.clickOn("#network");
        robot.press(KeyCode.SHIFT).type(KeyCode.SLASH).release(KeyCode.SHIFT);
        Set<String> shown = new HashSet<>();
        robot.lookup(".help-key").queryAllAs(Label.class).forEach(l -> shown.add(l.getText()));
        for (Shortcut s : Shortcut.values()) {
            assertTrue(shown.contains(s.keyName), s.keyName + " is missing from the help");
        }
        assertTrue(robot.lookup(".help-overlay").query().isVisible());
        robot.type(KeyCode.ESCAPE);
        assertFalse(robot.lookup(".help-overlay").query().isVisible());
    }

    @Test
    void ctrlEqualsZoomsInAndFTypedInAFieldDoesNotFit(FxRobot robot) {
        robot.clickOn("#network");
        double before = robot.lookup("#network").queryAs(org.unrolled.view.NetworkCanvas.class).currentLayout().unit();
        robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
        assertFalse(window.state().viewProperty().get().fit(), "zoomed: no longer fitted");
        assertTrue(window.state().viewProperty().get().unit() > before, "Ctrl+= (the + key without Shift) zooms in");
        robot.clickOn("What if");
        javafx.scene.control.Spinner<?> seed = robot.lookup("#seed-spinner").queryAs(javafx.scene.control.Spinner.class);
        robot.interact(() -> seed.getEditor().requestFocus()); // typing into the field, wherever it is scrolled
        assertFalse(window.state().viewProperty().get().fit(), "still zoomed before the key");
        robot.type(KeyCode.F);
        assertFalse(window.state().viewProperty().get().fit(), "F went into the field, not to Fit");
        robot.clickOn("#network");
        robot.type(KeyCode.F);
        assertTrue(window.state().viewProperty().get().fit(), "on the picture, F fits");
    }
}
