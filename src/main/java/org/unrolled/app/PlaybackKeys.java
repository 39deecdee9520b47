package org.unrolled.app;

import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.MenuButton;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Who gets a plain key: the window's shortcut (see {@link Shortcut}) or the focused control. Left, Right
 * and Space step and play, and a clicker's Page Up/Down walk the lesson, whatever control has the focus
 * (Tab reaches every control, so one always has it), unless a text field is being typed in or a drop-down's
 * list is open. Up/Down, Home/End and Enter stay with the control that uses them (a spinner's Up/Down, a
 * tab header's Home/End, Enter on a button), F5 and Esc are always the window's (Esc first closes an open
 * list).
 */
final class PlaybackKeys {
    private PlaybackKeys() {
    }

    /** Marks a control that is itself the timeline (its slider): every step key is the window's there. */
    static <N extends Node> N playbackControl(N node) {
        node.getProperties().put(PlaybackKeys.class, Boolean.TRUE);
        return node;
    }

    /**
     * Up and Down move a horizontal slider (a what-if value), since Left and Right step the playback; the
     * slider's own behaviour would move the focus instead.
     */
    static void adjustWithUpDown(Slider slider) {
        slider.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.UP || e.getCode() == KeyCode.DOWN) {
                if (e.getCode() == KeyCode.UP) {
                    slider.increment();
                } else {
                    slider.decrement();
                }
                e.consume();
            }
        });
    }

    /** Whether the window's shortcut for {@code code} applies, rather than the focused control's own use of it. */
    static boolean isOurs(Node focus, KeyCode code) {
        boolean open = popupOpen(focus);
        if (code == KeyCode.F5) {
            return true;
        }
        if (focus != null && focus.getProperties().containsKey(PlaybackKeys.class)) {
            return true; // the timeline's slider: Up/Down, Home/End step like the buttons
        }
        boolean always = code == KeyCode.PAGE_DOWN || code == KeyCode.PAGE_UP || code == KeyCode.ESCAPE;
        if (always) {
            // the clicker works even after typing a number into a field; a multi-line text and an open list page
            return !(focus instanceof TextArea) && !open;
        }
        if (typing(focus)) {
            return false; // an editable spinner takes the focus for its text field: letters and Space are typing
        }
        boolean playback = code == KeyCode.LEFT || code == KeyCode.RIGHT || code == KeyCode.SPACE;
        if (playback) {
            return !open;
        }
        boolean navigation = code.isArrowKey() || code == KeyCode.HOME || code == KeyCode.END || code == KeyCode.ENTER;
        boolean editing = focus instanceof Slider || focus instanceof Spinner || focus instanceof ComboBoxBase
                || focus instanceof ChoiceBox || focus instanceof TabPane || focus instanceof ToggleButton
                || focus instanceof MenuButton || (focus != null && focus.getParent() instanceof Spinner);
        if ((editing || open) && navigation) {
            return false;
        }
        return !(focus instanceof ButtonBase && code == KeyCode.ENTER);
    }

    private static boolean typing(Node focus) {
        return focus instanceof TextInputControl
                || focus instanceof Spinner<?> sp && sp.isEditable()
                || focus instanceof ComboBoxBase<?> cb && cb.isEditable();
    }

    /** A drop-down whose list is showing: it needs the arrows, Space, Enter and Esc. */
    private static boolean popupOpen(Node focus) {
        return focus instanceof ComboBoxBase<?> cb && cb.isShowing()
                || focus instanceof ChoiceBox<?> ch && ch.isShowing()
                || focus instanceof MenuButton mb && mb.isShowing();
    }

    /**
     * Enter presses the focused button (JavaFX buttons answer only Space, which plays here); returns whether
     * it did, and then consumes the key.
     */
    static boolean pressFocusedButton(Node focus, KeyEvent e) {
        if (e.getCode() == KeyCode.ENTER && focus instanceof ButtonBase b && !b.isDisabled() && !e.isShortcutDown()
                && !e.isAltDown()) {
            b.fire();
            e.consume();
            return true;
        }
        return false;
    }
}
