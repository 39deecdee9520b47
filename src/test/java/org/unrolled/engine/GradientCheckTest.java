package org.unrolled.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Central finite differences against the engine's analytic BPTT, for every cell × mapping × loss ×
 * feedback combination: every parameter gradient (perturbing the weights and re-running the engine)
 * and every {@code dL/dh_t} and {@code dL/dc_t} (perturbing the state inside the reference forward
 * pass, so the difference follows every later path).
 */
class GradientCheckTest {
    private static final double EPS = 1e-6;

    static Stream<RandomScenarios.Case> cases() {
        return RandomScenarios.allCases().stream();
    }

    private static Scenario scenarioFor(RandomScenarios.Case c) {
        long seed = 1000L + RandomScenarios.allCases().indexOf(c);
        return RandomScenarios.make(c, seed, 3, 3, 4, 4, 3, 0.9);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parameterGradientsMatchFiniteDifferences(RandomScenarios.Case c) {
        Scenario s = scenarioFor(c);
        Trace trace = Engine.run(s);
        double[] analytic = WeightsVector.flatten(trace.gradients());
        double[] w = WeightsVector.flatten(s.weights());
        List<String> names = WeightsVector.names(s.weights());
        for (int k = 0; k < w.length; k++) {
            double[] plus = w.clone();
            double[] minus = w.clone();
            plus[k] += EPS;
            minus[k] -= EPS;
            double numeric = (Engine.run(WeightsVector.withWeights(s, plus)).loss()
                    - Engine.run(WeightsVector.withWeights(s, minus)).loss()) / (2 * EPS);
            assertClose(numeric, analytic[k], c + " dL/d" + names.get(k));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void stateGradientsMatchFiniteDifferences(RandomScenarios.Case c) {
        Scenario s = scenarioFor(c);
        Trace trace = Engine.run(s);
        ReferenceRnn ref = new ReferenceRnn(s);
        checkSequence(c, s, ref, trace.steps(), false);
        if (trace.hasEncoder()) {
            checkSequence(c, s, ref, trace.encoder(), true);
        }
    }

    private static void checkSequence(RandomScenarios.Case c, Scenario s, ReferenceRnn ref, SequenceTrace seq,
            boolean encoder) {
        String where = encoder ? " encoder" : "";
        for (int t = 1; t <= seq.length(); t++) {
            for (int j = 0; j < s.hiddenSize(); j++) {
                double numeric = difference(ref, new ReferenceRnn.Perturbation(encoder, false, t, j, EPS));
                assertClose(numeric, seq.dLdh(t)[j], c + where + " dL/dh_" + t + "[" + j + "]");
                if (s.cell() == CellType.LSTM) {
                    double numericC = difference(ref, new ReferenceRnn.Perturbation(encoder, true, t, j, EPS));
                    assertClose(numericC, seq.dLdc(t)[j], c + where + " dL/dc_" + t + "[" + j + "]");
                }
            }
        }
    }

    private static double difference(ReferenceRnn ref, ReferenceRnn.Perturbation p) {
        var minus = new ReferenceRnn.Perturbation(p.inEncoder(), p.cellState(), p.t(), p.unit(), -p.delta());
        return (ref.forward(p).loss - ref.forward(minus).loss) / (2 * p.delta());
    }

    /** Central differences are good to about 1e-9 here; a wrong term is off by far more. */
    static void assertClose(double numeric, double analytic, String what) {
        double tolerance = 1e-7 + 1e-6 * Math.max(Math.abs(numeric), Math.abs(analytic));
        if (!(Math.abs(numeric - analytic) <= tolerance)) {
            fail(what + ": finite difference " + numeric + ", analytic " + analytic);
        }
    }

    @org.junit.jupiter.api.Test
    void everyCombinationIsCovered() {
        // 5 cells × (3 mappings × 2 losses + 2 feedback mappings × 2 losses × 3 feedback modes)
        assertTrue(RandomScenarios.allCases().size() == 5 * (3 * 2 + 2 * 2 * 3));
    }
}
