package org.unrolled.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;
import org.unrolled.view.draw.RecordingPen.DrawnRoundRect;
import org.unrolled.view.draw.RecordingPen.DrawnText;

/**
 * The audit's ring check on hand-placed boxes: a ring at x 100..300, y 100..200 with corners of radius 12,
 * stroked 8 px wide (so its band runs from 4 px outside the outline to 4 px inside it).
 */
class TextAuditRingsTest {
    private static final DrawnRoundRect RING = new DrawnRoundRect(100, 100, 200, 100, 24, 8, Color.GOLD);

    private static int problems(double x, double y, double w, double h) {
        DrawnText t = new DrawnText("label", 14, false, x, y, w, h, 1);
        return TextAudit.checkRings("test", List.of(t), List.of(RING)).size();
    }

    @Test
    void aStringWhollyInsideOrWhollyOutsideTheBandIsClear() {
        assertEquals(0, problems(150, 130, 60, 20), "inside");
        assertEquals(0, problems(105, 130, 60, 20), "inside, 5 px from the outline: 1 px clear of the band");
        assertEquals(0, problems(320, 130, 60, 20), "right of it");
        assertEquals(0, problems(150, 60, 60, 35), "above it, 5 px clear of the outline");
        // outside the rounded corner though inside the corner of the outline's bounding box: the corner's
        // centre is at (112, 112), the band's outer edge 16 px from it, and (97, 97) is 21 px away
        assertEquals(0, problems(90, 90, 7, 7), "beyond the rounded corner");
    }

    @Test
    void aStringAcrossTheBandIsReported() {
        assertEquals(1, problems(90, 130, 30, 20), "across the left side");
        assertEquals(1, problems(150, 190, 40, 20), "across the bottom");
        assertEquals(1, problems(80, 80, 240, 140), "round the whole ring, band inside it");
        // inside the outline's bounding box but in the rounded corner, where the band curves in
        assertEquals(1, problems(101, 101, 6, 6), "in the corner's curve");
        // inside the straight band's inner edge (104) but touching the curve: corner centre (112, 112), inner
        // radius 8, and the box's corner (104.75, 104.75) is 10.3 px from it
        assertEquals(1, problems(104, 104, 20, 20), "inner corner of the band");
    }
}
