package org.unrolled.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LinAlgTest {

    @Test
    void fastTanhIsWithinAFewUlpsOfStrictMath() {
        Random rnd = new Random(5);
        double worst = 0;
        for (int k = 0; k < 1_000_000; k++) {
            // magnitudes from 1e-12 to 30, both signs, dense around the 0.625 switch
            double x = (rnd.nextBoolean() ? 1 : -1) * (k % 3 == 0 ? 0.625 + 0.01 * rnd.nextGaussian()
                    : Math.pow(10, -12 + 13.5 * rnd.nextDouble()));
            double expected = StrictMath.tanh(x);
            double ulps = Math.abs(LinAlg.tanh(x) - expected) / Math.ulp(expected);
            worst = Math.max(worst, ulps);
        }
        assertTrue(worst <= 4, "worst error " + worst + " ulps");
    }

    @Test
    void fastTanhEdgeCases() {
        assertEquals(0.0, LinAlg.tanh(0.0), 0.0);
        assertEquals(1.0, LinAlg.tanh(Double.POSITIVE_INFINITY), 0.0);
        assertEquals(-1.0, LinAlg.tanh(-1e300), 0.0);
        assertTrue(Double.isNaN(LinAlg.tanh(Double.NaN)));
        assertEquals(Math.tanh(22.0), LinAlg.tanh(22.0), 0.0);
    }

    @Test
    void productByColumnsEqualsTheRowProduct() {
        Random rnd = new Random(9);
        int rows = 7;
        int cols = 5;
        double[] w = RandomScenarios.uniform(rnd, rows * cols, 1);
        double[] x = RandomScenarios.uniform(rnd, cols, 1);
        double[] byRows = new double[rows];
        double[] byColumns = new double[rows];
        LinAlg.multAdd(w, 0, rows, cols, x, 0, byRows, 0);
        LinAlg.multAddByColumns(LinAlg.transpose(w, rows, cols), rows, 0, rows, x, 0, cols, byColumns, 0);
        for (int i = 0; i < rows; i++) {
            double expected = 0;
            for (int j = 0; j < cols; j++) {
                expected += w[i * cols + j] * x[j];
            }
            assertEquals(expected, byRows[i], 1e-15);
            assertEquals(expected, byColumns[i], 1e-15);
        }
    }
}
