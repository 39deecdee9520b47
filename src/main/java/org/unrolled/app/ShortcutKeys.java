package org.unrolled.app;

import java.util.EnumMap;
import javafx.application.Platform;
import javafx.collections.MapChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * What each {@link Shortcut} does in the main window, and who gets a key: the menus register their
 * items here ({@link #bind}), the window its own actions ({@link #put}), and one key handler on the
 * scene runs them, unless the focused control needs the key ({@link #keyIsOurs}).
 */
final class ShortcutKeys {
    /** What each shortcut does: the menus and the key handler both run these. */
    private final EnumMap<Shortcut, Runnable> actions = new EnumMap<>(Shortcut.class);
    private Scene scene;

    /** {@code shortcut} runs {@code action}. */
    void put(Shortcut shortcut, Runnable action) {
        actions.put(shortcut, action);
    }

    /** Gives a menu item the shortcut's accelerator and action. */
    MenuItem bind(MenuItem item, Shortcut shortcut, Runnable action) {
        // the key does what the item does, and nothing while the item is disabled
        actions.put(shortcut, () -> {
            if (!item.isDisable()) {
                action.run();
            }
        });
        item.setAccelerator(shortcut.accelerator());
        item.setOnAction(e -> action.run());
        return item;
    }

    /**
     * Handles the keys of {@code scene}. Menus show plain keys (F, R, F5, F11) beside their items, but
     * the scene would run a menu accelerator before the focused control sees the key: F typed into a
     * field would fit the picture. Those keys are left to the key handler, which asks keyIsOurs first.
     */
    void attach(Scene scene) {
        this.scene = scene;
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        scene.getAccelerators().addListener((MapChangeListener<KeyCombination, Runnable>) c -> {
            if (c.wasAdded() && isPlain(c.getKey())) {
                Platform.runLater(() -> scene.getAccelerators().remove(c.getKey()));
            }
        });
        scene.getAccelerators().keySet().removeIf(ShortcutKeys::isPlain);
    }

    /**
     * Whether the window's shortcut for {@code code} applies, or the focused control needs the key. A
     * clicker's Page Up/Down, F5 and Esc always apply (except in a multi-line text); text fields get every
     * other key; sliders, spinners, choice boxes, toggles and the tab header their arrows, Space, Enter
     * and Home/End; a focused button Space and Enter.
     */
    static boolean keyIsOurs(javafx.scene.Node focus, KeyCode code) {
        boolean always = code == KeyCode.PAGE_DOWN || code == KeyCode.PAGE_UP || code == KeyCode.F5
                || code == KeyCode.ESCAPE;
        if (always && !(focus instanceof javafx.scene.control.TextArea)) {
            return true; // the clicker works even after typing a number into a field
        }
        boolean typing = focus instanceof javafx.scene.control.TextInputControl
                || focus instanceof javafx.scene.control.Spinner<?> sp && sp.isEditable()
                || focus instanceof javafx.scene.control.ComboBoxBase<?> cb && cb.isEditable();
        if (typing) {
            return false; // an editable spinner takes the focus for its text field: letters are typing
        }
        boolean navigation = code.isArrowKey() || code == KeyCode.SPACE || code == KeyCode.HOME || code == KeyCode.END
                || code == KeyCode.ENTER;
        boolean editing = focus instanceof javafx.scene.control.Slider || focus instanceof javafx.scene.control.Spinner
                || focus instanceof javafx.scene.control.ComboBoxBase || focus instanceof javafx.scene.control.TabPane
                || focus instanceof javafx.scene.control.ToggleButton
                || (focus != null && focus.getParent() instanceof javafx.scene.control.Spinner);
        if (editing && navigation) {
            return false;
        }
        return !(focus instanceof javafx.scene.control.ButtonBase && (code == KeyCode.SPACE || code == KeyCode.ENTER));
    }

    private static boolean isPlain(KeyCombination k) {
        for (Shortcut s : Shortcut.values()) {
            if (s.plainKey() && s.keys.contains(k)) {
                return true;
            }
        }
        return false;
    }

    private void onKey(KeyEvent e) {
        Shortcut s = Shortcut.of(e);
        Runnable action = s == null ? null : actions.get(s);
        if (action == null) {
            return;
        }
        if (s.plainKey() && !keyIsOurs(scene.getFocusOwner(), e.getCode())) {
            return;
        }
        if (!s.plainKey() && scene.getFocusOwner() instanceof javafx.scene.control.TextInputControl
                && (s == Shortcut.UNDO || s == Shortcut.REDO)) {
            return; // Ctrl+Z in a text field undoes the typing
        }
        action.run();
        e.consume();
    }
}
