package org.unrolled.view.draw;

import javafx.geometry.VPos;
import javafx.scene.text.Font;

/**
 * Where JavaFX puts a line of text, for the pens that place it themselves: a class with no fonts of its own
 * to load, so that measuring in the window never loads java.awt's.
 */
public final class TextPlace {
    private TextPlace() {
    }

    /**
     * How far below {@code y} the baseline lies for a JavaFX text baseline: JavaFX puts the top of the line
     * box (ascent + descent) at y for TOP, its middle for CENTER, its bottom for BOTTOM.
     */
    public static double baselineOffset(VPos baseline, double ascent, double descent) {
        return switch (baseline) {
            case TOP -> ascent;
            case CENTER -> (ascent - descent) / 2;
            case BOTTOM -> -descent;
            default -> 0;
        };
    }

    /** Whether a JavaFX font is the bold face (its style names the weight: "Bold"). */
    public static boolean isBold(Font fx) {
        return fx.getStyle().toLowerCase(java.util.Locale.ROOT).contains("bold");
    }
}
