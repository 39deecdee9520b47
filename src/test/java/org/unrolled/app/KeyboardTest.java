package org.unrolled.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashSet;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Spinner;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Every control can be reached with Tab alone, and says what it does in a tooltip. */
@ExtendWith(ApplicationExtension.class)
class KeyboardTest {
    private AppModel model;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        model = TestWindow.open(stage, "lstm-gates.json").model();
    }

    /** The control a focused node belongs to: a spinner for its text field, else the node itself. */
    private static Control owner(Node n) {
        if (n != null && n.getParent() instanceof Spinner<?> s) {
            return s;
        }
        return n instanceof Control c ? c : null;
    }

    private Set<Control> tabThrough(FxRobot robot, int presses) {
        Set<Control> reached = new LinkedHashSet<>();
        for (int i = 0; i < presses; i++) {
            robot.type(KeyCode.TAB);
            Control c = owner(stage.getScene().getFocusOwner());
            if (c != null) {
                reached.add(c);
            }
        }
        return reached;
    }

    private static boolean has(Set<Control> reached, String id) {
        return reached.stream().anyMatch(c -> id.equals(c.getId()));
    }

    @Test
    void tabReachesEveryControlOfBothTabsAndEachHasATooltip(FxRobot robot) {
        Set<Control> reached = tabThrough(robot, 40);
        assertTrue(has(reached, "next-beat"), "the lesson buttons");
        assertTrue(has(reached, "phase-choice") && has(reached, "speed-choice"), "the timeline's choices");
        // to the What if tab with the keyboard only: from the tab header, Right switches tabs
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        robot.interact(tabs::requestFocus);
        robot.type(KeyCode.RIGHT);
        assertEquals(1, tabs.getSelectionModel().getSelectedIndex(), "Right on the tab header opens What if");
        reached.addAll(tabThrough(robot, 60));
        for (String id : new String[] {"length-spinner", "hidden-spinner", "seed-spinner", "reroll", "rho-slider",
            "forget-slider"}) {
            assertTrue(has(reached, id), id + " is reached with Tab");
        }
        assertTrue(reached.stream().anyMatch(c -> c instanceof javafx.scene.control.ToggleButton),
                "the cell type buttons (the selected one; arrows move between them)");
        for (Control c : reached) {
            if (!(c instanceof TabPane)) {
                assertNotNull(c.getTooltip(), "a tooltip on " + c);
            }
        }
    }

    @Test
    void spaceOnAFocusedButtonPressesItInsteadOfPlaying(FxRobot robot) {
        robot.interact(() -> robot.lookup("#next-beat").query().requestFocus());
        robot.type(KeyCode.SPACE);
        assertEquals(1.0, model.playback().positionProperty().get(), "the button went to the first beat");
        assertTrue(!model.playback().playingProperty().get(), "and playback did not start");
    }

    @Test
    void typingNonsenseIntoASpinnerPutsItsValueBack(FxRobot robot) {
        Spinner<?> hidden = robot.lookup("#hidden-spinner").queryAs(Spinner.class);
        Object before = hidden.getValue();
        robot.interact(() -> {
            hidden.getEditor().setText("4R");
            hidden.commitValue();
        });
        assertEquals(before, hidden.getValue());
        assertEquals(String.valueOf(before), hidden.getEditor().getText());
        assertEquals(model.document().scenario().hiddenSize(), hidden.getValue());
        robot.interact(() -> {
            hidden.getEditor().setText("-6");
            hidden.commitValue();
        });
        assertEquals(1, hidden.getValue(), "below the range: the smallest hidden size");
        assertEquals(1, model.document().scenario().hiddenSize());
    }

    @Test
    void theClickerStillWorksAfterTypingIntoAField(FxRobot robot) {
        robot.interact(() -> {
            javafx.scene.control.TextField field = new javafx.scene.control.TextField();
            assertTrue(ShortcutKeys.keyIsOurs(field, KeyCode.PAGE_DOWN), "the clicker, even in a text field");
            assertTrue(ShortcutKeys.keyIsOurs(field, KeyCode.ESCAPE));
            assertTrue(!ShortcutKeys.keyIsOurs(field, KeyCode.RIGHT), "the arrows move the text cursor");
            assertTrue(!ShortcutKeys.keyIsOurs(field, KeyCode.SPACE), "Space types a space");
            assertTrue(!ShortcutKeys.keyIsOurs(new javafx.scene.control.TextArea(), KeyCode.PAGE_DOWN),
                    "Page Down scrolls a multi-line text");
            assertTrue(ShortcutKeys.keyIsOurs(new javafx.scene.control.Slider(), KeyCode.PAGE_UP));
            assertTrue(!ShortcutKeys.keyIsOurs(new javafx.scene.control.Slider(), KeyCode.LEFT));
        });
    }
}
