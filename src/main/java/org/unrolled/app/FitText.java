package org.unrolled.app;

import javafx.scene.control.Label;
import javafx.scene.text.Font;
import org.unrolled.view.Measure;

/** Shorter words where a control is narrow, rather than a longer text cut with "...". */
final class FitText {
    private FitText() {
    }

    /** The first of {@code texts} at most {@code room} pixels wide in {@code font}; the last when none is. */
    static String first(Font font, double room, String... texts) {
        for (String t : texts) {
            if (Measure.textWidth(t, font) <= room) {
                return t;
            }
        }
        return texts[texts.length - 1];
    }

    /**
     * Keeps {@code label} showing the first of {@code texts} that fits its width. Its width must not follow
     * its text (give it a preferred width of its own), or the two would chase each other.
     */
    static void bind(Label label, String... texts) {
        Runnable fit = () -> label.setText(first(label.getFont(),
                label.getWidth() - label.snappedLeftInset() - label.snappedRightInset(), texts));
        label.setText(texts[0]);
        label.widthProperty().addListener((o, was, is) -> fit.run());
        label.fontProperty().addListener((o, was, is) -> fit.run());
    }
}
