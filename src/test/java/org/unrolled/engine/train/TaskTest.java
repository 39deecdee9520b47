package org.unrolled.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TaskTest {

    @Test
    void addingHasTwoMarkersOneInEachHalfAndTheTargetIsTheirSum() {
        Random r = new Random(7);
        for (int length : new int[] {2, 3, 10, 51, 100, 200}) {
            for (int n = 0; n < 500; n++) {
                double[] x = new double[2 * length];
                double target = Task.ADDING.draw(r, length, x, 0);
                int markers = 0;
                int firstHalf = 0;
                double sum = 0;
                for (int t = 0; t < length; t++) {
                    double u = x[2 * t];
                    assertTrue(u >= 0 && u < 1, "value in [0, 1)");
                    double m = x[2 * t + 1];
                    assertTrue(m == 0 || m == 1, "marker 0 or 1");
                    if (m == 1) {
                        markers++;
                        sum += u;
                        if (t < length / 2) {
                            firstHalf++;
                        }
                    }
                }
                assertEquals(2, markers);
                assertEquals(1, firstHalf, "one marker in the first half, one in the second");
                assertEquals(sum, target, 0.0);
            }
        }
    }

    @Test
    void addingValuesAreUniformSoTheMeanAnswerScoresTheBaseline() {
        // the RMSE of answering 1 on many draws is the target's standard deviation, √(2/12)
        Random r = new Random(3);
        double sq = 0;
        int n = 200_000;
        double[] x = new double[2 * 20];
        for (int k = 0; k < n; k++) {
            double d = Task.ADDING.draw(r, 20, x, 0) - 1.0;
            sq += d * d;
        }
        assertEquals(0.40825, Math.sqrt(sq / n), 0.002);
        assertEquals(Math.sqrt(1.0 / 6.0), Task.ADDING.baseline(), 1e-15);
    }

    @Test
    void orderHasOneSymbolPerStepTwoRelevantOnesInTheirTenthsAndTheClassNamesTheirOrder() {
        Random r = new Random(11);
        for (int length : new int[] {10, 50, 64, 100}) {
            int tenth = length / 10;
            int[] classes = new int[4];
            for (int n = 0; n < 500; n++) {
                double[] x = new double[6 * length];
                int k = (int) Task.ORDER.draw(r, length, x, 0);
                classes[k]++;
                StringBuilder relevant = new StringBuilder();
                for (int t = 0; t < length; t++) {
                    int ones = 0;
                    int symbol = -1;
                    for (int j = 0; j < 6; j++) {
                        if (x[6 * t + j] == 1) {
                            ones++;
                            symbol = j;
                        } else {
                            assertEquals(0.0, x[6 * t + j]);
                        }
                    }
                    assertEquals(1, ones, "one-hot at every step");
                    if (symbol < 2) {
                        relevant.append(Task.ORDER_SYMBOLS[symbol]);
                        boolean inFirst = t >= tenth && t < 2 * tenth;
                        boolean inSecond = t >= 5 * tenth && t < 6 * tenth;
                        assertTrue(relevant.length() == 1 ? inFirst : inSecond, "A/B at step " + t + " of " + length);
                    }
                }
                assertEquals(2, relevant.length(), "exactly two of A and B");
                assertEquals(Task.ORDER_CLASSES[k], relevant.toString());
            }
            for (int c : classes) {
                assertTrue(c > 80, "every class drawn about a quarter of the time");
            }
        }
    }
}
