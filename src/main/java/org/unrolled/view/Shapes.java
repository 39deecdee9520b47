package org.unrolled.view;

import javafx.scene.paint.Color;
import org.unrolled.view.draw.Pen;

/**
 * Axis-aligned lines and framed boxes drawn as filled rectangles: the software pipeline fills a
 * rectangle directly but rasterises every stroked path, which made a frame of fifty steps three
 * times slower.
 */
final class Shapes {
    private Shapes() {
    }

    /** A horizontal line of the given thickness from x0 to x1 at y. */
    static void hLine(Pen gc, double x0, double x1, double y, double thickness, Color color) {
        gc.setFill(color);
        gc.fillRect(Math.min(x0, x1), y - thickness / 2, Math.abs(x1 - x0), thickness);
    }

    /** A vertical line of the given thickness from y0 to y1 at x. */
    static void vLine(Pen gc, double x, double y0, double y1, double thickness, Color color) {
        gc.setFill(color);
        gc.fillRect(x - thickness / 2, Math.min(y0, y1), thickness, Math.abs(y1 - y0));
    }

    /** A box filled with {@code fill} inside a {@code border}-wide frame of {@code frame}. */
    static void framedBox(Pen gc, double x, double y, double w, double h, Color fill, Color frame,
            double border) {
        gc.setFill(frame);
        gc.fillRect(x, y, w, h);
        gc.setFill(fill);
        gc.fillRect(x + border, y + border, w - 2 * border, h - 2 * border);
    }
}
