package org.unrolled.view;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** The plot's ρ line is cut to the axes by arithmetic, not by a canvas clip: worked by hand. */
class GradientChartCutTest {
    @Test
    void aLineLeavingTheTopIsCutWhereItCrossesIt() {
        // from (100, 50) to (0, -50): y = 0 is crossed halfway, at x = 50
        assertArrayEquals(new double[] {100, 50, 50, 0}, GradientChart.cut(100, 50, 0, -50, 0, 200), 1e-12);
    }

    @Test
    void bothEndsOutsideAreBothMovedAndALineInsideIsKept() {
        // from (0, -100) to (300, 200), kept within 0..100: y = 0 at x = 100, y = 100 at x = 200
        assertArrayEquals(new double[] {100, 0, 200, 100}, GradientChart.cut(0, -100, 300, 200, 0, 100), 1e-12);
        assertArrayEquals(new double[] {10, 20, 30, 40}, GradientChart.cut(10, 20, 30, 40, 0, 100), 1e-12);
    }
}
