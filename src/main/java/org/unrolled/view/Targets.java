package org.unrolled.view;

import org.unrolled.engine.LossKind;
import org.unrolled.engine.Mapping;
import org.unrolled.engine.Scenario;
import org.unrolled.engine.Trace;

/** The target of an output step, as a vector (one-hot for a class). */
final class Targets {
    private Targets() {
    }

    /** Index into the scenario's targets for output step {@code t}, or −1 if the step has none. */
    static int index(Trace trace, int t) {
        Scenario s = trace.scenario();
        if (!trace.steps().hasOutput(t)) {
            return -1;
        }
        return s.mapping() == Mapping.MANY_TO_ONE ? 0 : t - 1;
    }

    static double[] target(Trace trace, int t) {
        int k = index(trace, t);
        if (k < 0) {
            return null;
        }
        Scenario s = trace.scenario();
        if (s.loss() == LossKind.MSE) {
            return s.targetVectors().row(k);
        }
        double[] v = new double[s.outputSize()];
        v[s.targetClass(k)] = 1;
        return v;
    }
}
