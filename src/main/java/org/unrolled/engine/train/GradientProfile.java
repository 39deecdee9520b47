package org.unrolled.engine.train;

import org.unrolled.engine.Engine;
import org.unrolled.engine.Scenario;
import org.unrolled.engine.SequenceTrace;

/** ‖∂L/∂h_t‖ for t = 1 … T of a scenario, from the engine's exact backward pass: the vanishing picture. */
public final class GradientProfile {
    private GradientProfile() {
    }

    /** Entry {@code t − 1} is the Euclidean norm of {@code dL/dh_t}. */
    public static double[] of(Scenario s) {
        SequenceTrace steps = Engine.run(s).steps();
        double[] norms = new double[steps.length()];
        for (int t = 1; t <= norms.length; t++) {
            double sum = 0;
            for (double v : steps.dLdh(t)) {
                sum += v * v;
            }
            norms[t - 1] = Math.sqrt(sum);
        }
        return norms;
    }
}
