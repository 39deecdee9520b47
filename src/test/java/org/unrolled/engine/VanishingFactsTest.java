package org.unrolled.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.unrolled.io.Samples;

/**
 * rnn-vanishing.json's description, figure by figure: the per-step factor is bounded by
 * σ_max(W_hh)·max tanh′ (not by ρ), ρ is its long-run average, and tanh′ is near 1.
 */
class VanishingFactsTest {
    private static final Scenario S = Samples.load("rnn-vanishing.json").scenario();
    private static final SequenceTrace Q = Engine.run(S).steps();

    /** σ_max by power iteration on W Wᵀ (written here, independent of the engine's Spectra). */
    private static double largestSingularValue(Matrix w) {
        int n = w.rows();
        double[] v = new double[n];
        java.util.Arrays.fill(v, 1);
        double sigma = 0;
        for (int it = 0; it < 500; it++) {
            double[] u = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double wwt = 0;
                    for (int k = 0; k < w.cols(); k++) {
                        wwt += w.get(i, k) * w.get(j, k);
                    }
                    u[i] += wwt * v[j];
                }
            }
            double norm = 0;
            for (double x : u) {
                norm += x * x;
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < n; i++) {
                v[i] = u[i] / norm;
            }
            sigma = Math.sqrt(norm);
        }
        return sigma;
    }

    @Test
    void theBoundIsSigmaMaxTimesTheLargestTanhSlope() {
        double sigma = largestSingularValue(S.weights().cell().weightHh());
        assertEquals(0.79, sigma, 0.005, "\"σ_max(W_hh) = 0.79\"");
        double maxSlope = 0;
        double sumSlope = 0;
        int n = 0;
        for (int t = 1; t <= 30; t++) {
            for (double h : Q.h(t)) {
                double slope = 1 - h * h;
                maxSlope = Math.max(maxSlope, slope);
                sumSlope += slope;
                n++;
                assertTrue(Math.abs(h) <= 0.525, "\"|h| ≤ 0.52\": " + h);
            }
        }
        assertEquals(0.97, sumSlope / n, 0.005, "\"tanh′ … 0.97 on average\"");
        int above = 0;
        double logSum = 0;
        for (int t = 1; t <= 29; t++) {
            double factor = Q.dLdhNorm(t) / Q.dLdhNorm(t + 1);
            assertTrue(factor <= sigma * maxSlope, "never above the bound");
            assertTrue(factor > 0.405 && factor < 0.585, "\"between 0.41 and 0.58\": " + factor);
            above += factor > 0.5 ? 1 : 0;
            logSum += Math.log(factor);
        }
        assertEquals(14, above, "\"above 0.5 at 14 of the 29 steps\"");
        assertEquals(0.49, Math.exp(logSum / 29), 0.005, "\"the geometric mean of the 29 factors is 0.49\"");
        assertEquals(1.1e-9, Q.dLdhNorm(1) / Q.dLdhNorm(30), 0.05e-9, "\"1.1·10⁻⁹\"");
    }
}
