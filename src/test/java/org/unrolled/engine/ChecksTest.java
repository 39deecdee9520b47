package org.unrolled.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.unrolled.document.Check;
import org.unrolled.document.Checks;
import org.unrolled.document.DocumentTrace;
import org.unrolled.document.ScenarioDocument;
import org.unrolled.document.TrainingRecord;
import org.unrolled.document.Vocabulary;
import org.unrolled.engine.train.History;

/**
 * Lesson checks on the hand-worked network of {@link HandCalculatedTest} (vanilla tanh RNN, I = H = O = 1,
 * W_ih = 0.5, W_hh = 0.8, b_ih = 0.1, b_hh = −0.1, W_out = 2, b_out = 0.5, x = (1, −1), target 0), whose
 * numbers were worked out by hand there: h_1 = 0.462117157260, h_2 = −0.129573727595,
 * y_2 = 0.240852544811, dL/dh_2 = 0.481705089621, dL/dh_1 = 0.378894059080.
 */
class ChecksTest {
    private static Matrix m(double... column) {
        return Matrix.of(column.length, 1, column);
    }

    private static DocumentTrace hand(Mapping mapping) {
        Scenario.Builder b = TestScenarios.shaped(CellType.RNN, 1, 1, 1,
                mapping, LossKind.MSE);
        b.inputs = m(1, -1);
        b.targetVectors = mapping == Mapping.MANY_TO_ONE ? m(0) : m(0, 0);
        b.weights = new NetworkWeights(null,
                new CellWeights(m(0.5), m(0.8), new double[] {0.1}, new double[] {-0.1}), m(2), new double[] {0.5});
        return DocumentTrace.run(ScenarioDocument.of(b.build(), "hand"));
    }

    private static Check.Bound near(double v, double tol) {
        return new Check.Bound(v, tol, null, null);
    }

    private static boolean holds(Check c, DocumentTrace t) {
        return Checks.evaluate(c, t).holds();
    }

    @Test
    void valuesAreReadFromTheTraceAtTheNamedStep() {
        DocumentTrace t = hand(Mapping.MANY_TO_ONE);
        assertTrue(holds(new Check.Value("", "h[1][0]", near(0.462117157260, 1e-12)), t));
        assertTrue(holds(new Check.Value("", "h[2][0]", near(-0.129573727595, 1e-12)), t));
        assertTrue(holds(new Check.Value("", "y[2][0]", near(0.240852544811, 1e-12)), t));
        // norm of a one-component vector is its absolute value
        assertTrue(holds(new Check.Value("", "norm(h[2])", near(0.129573727595, 1e-12)), t));
        assertTrue(holds(new Check.Value("", "loss", near(0.0290049741709, 1e-12)), t));
        assertTrue(holds(new Check.Value("", "norm(dL_dh_next[1])", near(0.378894059080, 1e-12)), t));
        assertTrue(holds(new Check.Value("", "norm(dL_dh_out[2])", near(0.481705089621, 1e-12)), t));
        // T is the last step
        assertTrue(holds(new Check.Value("", "h[T][0]", near(-0.129573727595, 1e-12)), t));
        assertFalse(holds(new Check.Value("", "h[1][0]", new Check.Bound(null, null, 0.5, null)), t));
        assertTrue(holds(new Check.Value("", "h[1][0]", new Check.Bound(null, null, 0.4, 0.5)), t));
    }

    @Test
    void aRatioDividesTheTwoQuantities() {
        DocumentTrace t = hand(Mapping.MANY_TO_ONE);
        // dL/dh_1 / dL/dh_2 = 0.378894059080 / 0.481705089621 = 0.786566...
        Check ratio = new Check.Ratio("", "norm(dL_dh[1])", "norm(dL_dh[2])", near(0.378894059080 / 0.481705089621, 1e-10));
        assertTrue(holds(ratio, t));
        assertFalse(holds(new Check.Ratio("", "norm(dL_dh[1])", "norm(dL_dh[2])", new Check.Bound(null, null, 1.0, null)), t));
    }

    @Test
    void existsTellsWhichStepsHaveAnOutput() {
        DocumentTrace t = hand(Mapping.MANY_TO_ONE);
        assertTrue(holds(new Check.Exists("", "y[1]", false), t));
        assertTrue(holds(new Check.Exists("", "y[2]", true), t));
        assertFalse(holds(new Check.Exists("", "y[1]", true), t));
    }

    @Test
    void stepsBindsTToEveryStepInTheRange() {
        DocumentTrace t = hand(Mapping.MANY_TO_MANY);
        // both h_1 = 0.46 and h_2 = −0.13 lie in (−0.5, 0.5); only h_1 is positive
        assertTrue(holds(new Check.Steps("", "1", "T", new Check.Value("", "h[t][0]", new Check.Bound(null, null, -0.5, 0.5))), t));
        assertFalse(holds(new Check.Steps("", "1", "T", new Check.Value("", "h[t][0]", new Check.Bound(null, null, 0.0, null))), t));
        assertTrue(holds(new Check.Steps("", "2", "T", new Check.Value("", "h[t-1][0]", new Check.Bound(null, null, 0.0, null))), t));
    }

    @Test
    void ablationZeroesTheStateAndRerunsTheLaterSteps() {
        DocumentTrace t = hand(Mapping.MANY_TO_ONE);
        // with h_1 = 0: h_2 = tanh(0.5·(−1) + 0.8·0 + 0.1 − 0.1) = tanh(−0.5) = −0.462117157260,
        // y_2 = 2·(−0.462117157260) + 0.5 = −0.424234314520
        Check ablate = new Check.Ablate("", "h[1]", new Check.Value("", "y[2][0]", near(-0.424234314520, 1e-12)));
        assertTrue(holds(ablate, t));
        // the original trace is untouched
        assertTrue(holds(new Check.Value("", "y[2][0]", near(0.240852544811, 1e-12)), t));
    }

    @Test
    void argmaxNamesClassesByIndexWordOrTarget() {
        Scenario.Builder b = TestScenarios.shaped(CellType.RNN, 1, 1, 2,
                Mapping.MANY_TO_ONE, LossKind.CROSS_ENTROPY);
        b.inputs = m(1);
        b.targetClasses = new int[] {1};
        // h_1 = tanh(1) = 0.7616; y = (−h, +h): class 1 is the larger
        b.weights = new NetworkWeights(null, new CellWeights(m(1), m(0), new double[] {0}, new double[] {0}),
                Matrix.of(2, 1, new double[] {-1, 1}), new double[] {0, 0});
        DocumentTrace t = DocumentTrace.run(ScenarioDocument.of(b.build(), "classes")
                .withVocabulary(new Vocabulary(List.of(), List.of("no", "yes"))));
        assertTrue(holds(new Check.Argmax("", "y[1]", "1", false), t));
        assertTrue(holds(new Check.Argmax("", "y[1]", "yes", false), t));
        assertTrue(holds(new Check.Argmax("", "y[1]", "target", false), t));
        assertTrue(holds(new Check.Argmax("", "y[1]", "no", true), t));
        assertFalse(holds(new Check.Argmax("", "y[1]", "no", false), t));
        // p = softmax(−0.7616, 0.7616): p_1 = 1 / (1 + e^(−1.5232)) = 0.82103
        assertTrue(holds(new Check.Value("", "p[1][1]", near(1 / (1 + Math.exp(-2 * Math.tanh(1))), 1e-12)), t));
        // zero h_1 and the two outputs tie at 0: the lowest index wins, "no"
        assertTrue(holds(new Check.Ablate("", "h[1]", new Check.Argmax("", "y[1]", "no", false)), t));
    }

    @Test
    void aMissingStepOrQuantityFailsWithAReasonInsteadOfThrowing() {
        DocumentTrace t = hand(Mapping.MANY_TO_ONE);
        Checks.Outcome o = Checks.evaluate(new Check.Value("", "h[7][0]", near(0, 1)), t);
        assertFalse(o.holds());
        assertTrue(o.detail().contains("outside 1..2"), o.detail());
        assertFalse(holds(new Check.Value("", "norm(c[1])", near(0, 1)), t));
        assertFalse(holds(new Check.Value("", "norm(C)", near(0, 1)), t));
    }

    @Test
    void malformedQuantitiesAreRefusedInForm() {
        assertThrows(IllegalArgumentException.class, () -> Checks.validate(new Check.Value("", "h[2]", near(0, 1))));
        assertThrows(IllegalArgumentException.class, () -> Checks.validate(new Check.Value("", "q[2][0]", near(0, 1))));
        assertThrows(IllegalArgumentException.class, () -> Checks.validate(new Check.Value("", "avg(h[2])", near(0, 1))));
        assertThrows(IllegalArgumentException.class, () -> Checks.validate(new Check.Value("", "h[u][0]", near(0, 1))));
        assertThrows(IllegalArgumentException.class,
                () -> Checks.validate(new Check.Ablate("", "y[2]", new Check.Exists("", "y[2]", true))));
        assertEquals("h[2][0]", Quantity.parse("h[2][0]").toString());
    }

    @Test
    void historyReadsTheTrainingRecordAndSampleAnotherTrace() {
        DocumentTrace t = DocumentTrace.run(hand(Mapping.MANY_TO_ONE).document().withTraining(
                new TrainingRecord("unrolled race ...", "rmse", 100, 0, List.of(
                new History.Point(0, 0.41, 0), new History.Point(1600, 0.40, 2.5),
                new History.Point(3200, 0.05, 5.0)))));
        // 0.41 and 0.40 up to 1,600 sequences; 0.05 at 3,200
        assertTrue(holds(new Check.History("", 0, 1600, false, new Check.Bound(null, null, 0.39, 0.42)), t));
        assertFalse(holds(new Check.History("", 0, 3200, false, new Check.Bound(null, null, 0.39, 0.42)), t));
        assertTrue(holds(new Check.History("", 3200, 3200, false, near(0.05, 1e-12)), t));
        assertTrue(holds(new Check.History("", 3200, 3200, true, near(5.0, 1e-12)), t));
        assertFalse(holds(new Check.History("", 5000, 6000, false, near(0, 1)), t), "no evaluation there");
        DocumentTrace other = hand(Mapping.MANY_TO_MANY);
        Check sample = new Check.Sample("", "other.json", new Check.Exists("", "y[1]", true));
        assertTrue(Checks.evaluate(sample, t, name -> other).holds(), "y_1 exists in the many-to-many one");
        assertFalse(Checks.evaluate(sample, t).holds(), "no other samples at hand: false, with the reason");
    }
}
