package org.unrolled.app;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * Every keyboard shortcut, declared once: the menus take their accelerators from here, the window's
 * key handler its plain keys, and the help overlay and Help ▸ Keyboard shortcuts their text.
 */
enum Shortcut {
    PLAY("Space", "play / pause", plain(KeyCode.SPACE)),
    NEXT_STEP("Right", "next step", plain(KeyCode.RIGHT), plain(KeyCode.DOWN)),
    PREVIOUS_STEP("Left", "previous step", plain(KeyCode.LEFT), plain(KeyCode.UP)),
    NEXT_BEAT("Page Down", "next lesson beat (or step); a clicker", plain(KeyCode.PAGE_DOWN)),
    PREVIOUS_BEAT("Page Up", "previous lesson beat (or step)", plain(KeyCode.PAGE_UP)),
    FIRST("Home", "first step", plain(KeyCode.HOME)),
    LAST("End", "last step", plain(KeyCode.END)),
    FIT("F", "fit all steps", plain(KeyCode.F)),
    PRESENT("F5", "presentation mode", plain(KeyCode.F5)),
    LEAVE("Esc", "leave presentation, close help", plain(KeyCode.ESCAPE)),
    BLANK("B", "blank the screen (while a question is asked: choice B)", plain(KeyCode.B)),
    ANSWER_A("1 or A", "a question: mark choice A", plain(KeyCode.DIGIT1), plain(KeyCode.NUMPAD1), plain(KeyCode.A)),
    ANSWER_B("2 or B", "a question: mark choice B", plain(KeyCode.DIGIT2), plain(KeyCode.NUMPAD2)),
    ANSWER_C("3 or C", "a question: mark choice C", plain(KeyCode.DIGIT3), plain(KeyCode.NUMPAD3), plain(KeyCode.C)),
    ANSWER_D("4 or D", "a question: mark choice D", plain(KeyCode.DIGIT4), plain(KeyCode.NUMPAD4), plain(KeyCode.D)),
    PLOT("G", "gradient plot on / off", plain(KeyCode.G)),
    LASER("L", "laser pointer on / off (presenting)", plain(KeyCode.L)),
    ROLLED("R", "rolled view; again: unfold in time", plain(KeyCode.R)),
    HELP("?", "this help", new KeyCodeCombination(KeyCode.SLASH, KeyCombination.SHIFT_DOWN)),
    FULL_SCREEN("F11", "full screen", plain(KeyCode.F11)),
    OPEN("Ctrl+O", "open a file", shortcut(KeyCode.O)),
    SAVE("Ctrl+S", "save", shortcut(KeyCode.S)),
    SAVE_AS("Ctrl+Shift+S", "save as", shortcutShift(KeyCode.S)),
    EXPORT("Ctrl+E", "export", shortcut(KeyCode.E)),
    COPY_FRAME("Ctrl+Shift+C", "copy the frame", shortcutShift(KeyCode.C)),
    QUIT("Ctrl+Q", "quit", shortcut(KeyCode.Q)),
    UNDO("Ctrl+Z", "undo", shortcut(KeyCode.Z)),
    REDO("Ctrl+Shift+Z", "redo", shortcutShift(KeyCode.Z)),
    ADD_BEAT("Ctrl+B", "add a lesson beat", shortcut(KeyCode.B)),
    ADD_QUESTION("Ctrl+Shift+B", "add a question to this beat", shortcutShift(KeyCode.B)),
    // Ctrl+Plus on a US keyboard is Ctrl+Shift+= (the + is shifted): it zooms in, as in a browser
    ZOOM_IN("Ctrl+Plus", "zoom in", shortcut(KeyCode.PLUS), shortcut(KeyCode.EQUALS), shortcut(KeyCode.ADD),
            shortcutShift(KeyCode.EQUALS)),
    ZOOM_OUT("Ctrl+Minus", "zoom out", shortcut(KeyCode.MINUS), shortcut(KeyCode.SUBTRACT)),
    LARGER_TEXT("Ctrl+Alt+Plus", "larger text", shortcutAlt(KeyCode.PLUS), shortcutAlt(KeyCode.EQUALS),
            shortcutAlt(KeyCode.ADD), shortcutShift(KeyCode.PLUS)),
    SMALLER_TEXT("Ctrl+Alt+Minus", "smaller text", shortcutAlt(KeyCode.MINUS), shortcutAlt(KeyCode.SUBTRACT),
            shortcutShift(KeyCode.MINUS));

    /** How the help names the key. */
    final String keyName;
    final String description;
    /** The first is the one a menu shows; the others do the same (Down as Right, = as +). */
    final List<KeyCombination> keys;

    Shortcut(String keyName, String description, KeyCombination... keys) {
        this.keyName = keyName;
        this.description = description;
        this.keys = List.of(keys);
    }

    private static KeyCombination plain(KeyCode code) {
        return new KeyCodeCombination(code);
    }

    private static KeyCombination shortcut(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
    }

    private static KeyCombination shortcutAlt(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN, KeyCombination.ALT_DOWN);
    }

    private static KeyCombination shortcutShift(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    }

    /** The combination a menu item shows for this shortcut. */
    KeyCombination accelerator() {
        return keys.get(0);
    }

    /** True for a key without Ctrl/Cmd or Alt: the window handles it, unless a focused control needs it. */
    boolean plainKey() {
        KeyCombination k = keys.get(0);
        return k.getShortcut() == KeyCombination.ModifierValue.UP && k.getControl() == KeyCombination.ModifierValue.UP
                && k.getAlt() == KeyCombination.ModifierValue.UP;
    }

    /** The shortcut a key press means, or null. */
    static Shortcut of(KeyEvent e) {
        for (Shortcut s : values()) {
            for (KeyCombination k : s.keys) {
                if (k.match(e)) {
                    return s;
                }
            }
        }
        return null;
    }

    /** The help text: one line per shortcut, in the table's order, and what the mouse does. */
    static String help() {
        List<String> lines = new ArrayList<>();
        for (Shortcut s : values()) {
            lines.add(s.keyName + " — " + s.description);
        }
        lines.add("Mouse: scroll to zoom, drag to pan, double-click to fit,");
        lines.add("point at any square to see where its number came from.");
        return String.join("\n", lines);
    }
}
