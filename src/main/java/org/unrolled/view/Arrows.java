package org.unrolled.view;

import javafx.scene.paint.Color;
import org.unrolled.view.draw.Pen;

/** Arrowheads. */
final class Arrows {
    private Arrows() {
    }

    /** A filled arrowhead with its tip at (x, y), pointing in direction {@code angle} (radians, 0 = right). */
    static void head(Pen gc, double x, double y, double angle, double size, Color color) {
        double back = angle + Math.PI;
        double spread = 0.45;
        double x1 = x + size * Math.cos(back - spread);
        double y1 = y + size * Math.sin(back - spread);
        double x2 = x + size * Math.cos(back + spread);
        double y2 = y + size * Math.sin(back + spread);
        gc.setFill(color);
        gc.fillPolygon(new double[] {x, x1, x2}, new double[] {y, y1, y2}, 3);
    }
}
