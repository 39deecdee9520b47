package org.unrolled.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.unrolled.io.Limits;
import org.unrolled.view.Numbers;

/** The memory a trace reports, and the reader's estimate that bounds it before anything is computed. */
class TraceMemoryTest {

    static java.util.List<RandomScenarios.Case> cases() {
        return RandomScenarios.allCases();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void theReadersEstimateIsAnUpperBoundAndNotFarOff(RandomScenarios.Case c) {
        Scenario s = RandomScenarios.make(c, 3, 3, 5, 2, 7, 4, 0.5);
        long actual = Engine.run(s).memoryBytes();
        long estimate = Limits.traceBytes(s.cell().gateCount(), s.inputSize(), s.hiddenSize(), s.outputSize(),
                Limits.recordedSteps(s.mapping(), s.inputCount(), s.targetCount()));
        assertTrue(actual <= estimate, c + ": " + actual + " > estimate " + estimate);
        assertTrue(estimate <= 4 * actual, c + ": estimate " + estimate + " is more than 4× " + actual);
    }

    /** Counted by hand: a vanilla RNN, I = 1, H = 1, O = 1, T = 2, many-to-many. */
    @Test
    void aTinyRnnByHand() {
        Scenario.Builder b = TestScenarios.shaped(CellType.RNN, 1, 1, 1,
                Mapping.MANY_TO_MANY, LossKind.MSE);
        b.inputs = Matrix.wrap(2, 1, new double[] {1, 2});
        b.targetVectors = Matrix.wrap(2, 1, new double[] {0, 0});
        b.init = InitSpec.withDefaultScale(1);
        b.weights = SeededInit.weights(b.init, CellType.RNN, Mapping.MANY_TO_MANY, 1, 1, 1);
        // doubles: x 2, pre 2, gates 0, hiddenPart 0, h 3, c 0, y 2, stepLoss 2, dy 2, dh 2, dhFromOutput 2,
        // dhFromNext 2, dc 0, dcFromNext 0 = 19 → 152 bytes, plus 2 booleans (hasOutput)
        assertEquals(154, Engine.run(b.build()).memoryBytes());
    }

    @Test
    void sizesReadForPeople() {
        assertEquals("999 bytes", Numbers.bytes(999));
        assertEquals("1.0 kB", Numbers.bytes(1000));
        assertEquals("80.6 MB", Numbers.bytes(80_600_000));
        assertEquals("124 MB", Numbers.bytes(124_480_000));
    }
}
