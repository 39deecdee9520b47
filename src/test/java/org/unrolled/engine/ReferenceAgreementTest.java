package org.unrolled.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.stream.Stream;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The fast engine against the readable SimpleMatrix reference, value by value, on larger random cases. */
class ReferenceAgreementTest {

    static Stream<RandomScenarios.Case> cases() {
        return RandomScenarios.allCases().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyValueAgreesWithTheReference(RandomScenarios.Case c) {
        Scenario s = RandomScenarios.make(c, 77L + RandomScenarios.allCases().indexOf(c), 4, 6, 5, 7, 5, 0.7);
        Trace trace = Engine.run(s);
        ReferenceRnn ref = new ReferenceRnn(s);
        ReferenceRnn.Result r = ref.forward(null);
        ReferenceRnn.Gradients g = ref.backward(r);

        assertNear(r.loss, trace.loss(), c + " loss");
        compareSequence(c + " steps", trace.steps(), r.steps, g.dh, g.dc);
        if (trace.hasEncoder()) {
            compareSequence(c + " encoder", trace.encoder(), r.encoder, g.encoderDh, g.encoderDc);
            compareCell(c + " encoder", trace.gradients().encoder(), g.encoder);
        }
        compareCell(c + "", trace.gradients().cell(), g.cell);
        compare(c + " grad weight_out", trace.gradients().weightOut().toRowMajor(), g.weightOut);
        compare(c + " grad bias_out", trace.gradients().biasOut(), g.biasOut);
    }

    private static void compareSequence(String what, SequenceTrace seq, List<ReferenceRnn.Step> steps,
            List<SimpleMatrix> dh, List<SimpleMatrix> dc) {
        assertEquals(steps.size(), seq.length(), what + " length");
        for (int t = 1; t <= seq.length(); t++) {
            ReferenceRnn.Step st = steps.get(t - 1);
            String at = what + " t=" + t;
            compare(at + " x", seq.x(t), st.x);
            compare(at + " h", seq.h(t), st.h);
            compare(at + " h_{t-1}", seq.h(t - 1), st.hPrev);
            compare(at + " dL/dh", seq.dLdh(t), dh.get(t - 1));
            double[] sum = seq.dLdhFromOutput(t);
            double[] next = seq.dLdhFromNext(t);
            for (int j = 0; j < sum.length; j++) {
                sum[j] += next[j];
            }
            compare(at + " dL/dh from output + from next", sum, dh.get(t - 1));
            String names = seq.cell().gateNames();
            for (int k = 0; k < names.length(); k++) {
                compare(at + " gate " + names.charAt(k), seq.gate(t, names.charAt(k)), st.gates[k]);
            }
            if (seq.cell() == CellType.RNN) {
                compare(at + " pre-activation", seq.preActivation(t, ' '), st.gates[0]);
            }
            if (seq.cell().hasCellState()) {
                compare(at + " c", seq.c(t), st.c);
                compare(at + " dL/dc", seq.dLdc(t), dc.get(t - 1));
            }
            if (st.y != null) {
                compare(at + " y", seq.y(t), st.y);
                assertNear(st.loss, seq.stepLoss(t), at + " step loss");
            } else if (seq.hasOutput(t)) {
                fail(at + ": the engine has an output where the reference has none");
            }
        }
    }

    private static void compareCell(String what, CellWeights grads, ReferenceRnn.CellGrads ref) {
        compare(what + " grad weight_ih", grads.weightIh().toRowMajor(), ref.wih);
        compare(what + " grad weight_hh", grads.weightHh().toRowMajor(), ref.whh);
        compare(what + " grad bias_ih", grads.biasIh(), ref.bih);
        compare(what + " grad bias_hh", grads.biasHh(), ref.bhh);
    }

    private static void compare(String what, double[] actual, SimpleMatrix expected) {
        assertEquals(expected.getNumElements(), actual.length, what + " size");
        for (int i = 0; i < actual.length; i++) {
            assertNear(expected.get(i), actual[i], what + "[" + i + "]");
        }
    }

    /** Two different summation orders agree to a few units in the last place. */
    private static void assertNear(double expected, double actual, String what) {
        double tolerance = 1e-12 * Math.max(1, Math.abs(expected));
        if (!(Math.abs(expected - actual) <= tolerance)) {
            fail(what + ": reference " + expected + ", engine " + actual);
        }
    }
}
