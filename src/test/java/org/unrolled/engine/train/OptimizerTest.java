package org.unrolled.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Adam and SGD against values worked out by hand (in the comments). */
class OptimizerTest {

    @Test
    void twoAdamStepsMatchTheHandCalculation() {
        Optimizer adam = new Optimizer(Optimizer.Kind.ADAM, 0.1, 0, 2);
        double[] w = {1.0, -2.0};
        // step 1, g = (0.5, -0.2): m = 0.1 g = (0.05, -0.02), v = 0.001 g² = (2.5e-4, 4e-5)
        // m̂ = m / 0.1 = g, v̂ = v / 0.001 = g²: w −= 0.1 · g / (|g| + 1e-8) = 0.1 · sign(g) · (1 − 2e-8 / |g|…)
        adam.step(w, new double[] {0.5, -0.2});
        assertArrayEquals(new double[] {1.0 - 0.1 * 0.5 / (0.5 + 1e-8), -2.0 + 0.1 * 0.2 / (0.2 + 1e-8)}, w, 1e-15);
        assertEquals(0.9, w[0], 1e-8);
        assertEquals(-1.9, w[1], 1e-8);
        // step 2, g = (0.1, 0.4):
        //   m = 0.9 · (0.05, -0.02) + 0.1 · (0.1, 0.4) = (0.055, 0.022)
        //   v = 0.999 · (2.5e-4, 4e-5) + 0.001 · (0.01, 0.16) = (2.5975e-4, 1.9996e-4)
        //   m̂ = m / (1 − 0.81) = (0.289473684…, 0.115789473…)
        //   v̂ = v / (1 − 0.998001) = (0.129939969…, 0.100030015…)
        //   Δ = 0.1 · m̂ / (√v̂ + 1e-8) = (0.0803041…, 0.0366104…)
        adam.step(w, new double[] {0.1, 0.4});
        assertEquals(0.9 - 0.0803041, w[0], 2e-6);
        assertEquals(-1.9 - 0.0366104, w[1], 2e-6);
    }

    @Test
    void clippingScalesTheWholeGradientToTheNormThenSgdSteps() {
        Optimizer sgd = new Optimizer(Optimizer.Kind.SGD, 0.5, 1.0, 2);
        double[] w = {0, 0};
        double[] g = {3, 4}; // norm 5 → scaled to (0.6, 0.8)
        double norm = sgd.step(w, g);
        assertEquals(5.0, norm, 1e-15);
        assertArrayEquals(new double[] {-0.3, -0.4}, w, 1e-15);
        double[] small = {0.3, 0.4}; // norm 0.5 ≤ 1: unchanged
        sgd.step(w, small);
        assertArrayEquals(new double[] {-0.45, -0.6}, w, 1e-15);
    }
}
