package org.unrolled.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.unrolled.document.Example;
import org.unrolled.document.ScenarioDocument;
import org.unrolled.io.Samples;

class EvaluationTest {

    @Test
    void argmaxTakesTheLowestIndexOnATie() {
        assertEquals(1, Evaluation.argmax(new double[] {0.1, 0.7, 0.7, -2}));
        assertEquals(0, Evaluation.argmax(new double[] {3}));
    }

    /**
     * A one-unit RNN with h = tanh(x) and logits (h, −h): class 0 wins when x > 0. Scored by hand on three
     * examples: x = 1 (target 0, right), x = −1 (target 0, wrong), x = −2 (target 1, right).
     */
    @Test
    void scoresEachTargetStepByItsMostLikelyClass() {
        Scenario.Builder b = TestScenarios.shaped(CellType.RNN, 1, 1, 2,
                Mapping.MANY_TO_ONE, LossKind.CROSS_ENTROPY);
        b.inputs = Matrix.wrap(1, 1, new double[] {1});
        b.targetClasses = new int[] {0};
        b.weights = new NetworkWeights(null, new CellWeights(Matrix.wrap(1, 1, new double[] {1}),
                Matrix.wrap(1, 1, new double[] {0}), new double[] {0}, new double[] {0}),
                Matrix.wrap(2, 1, new double[] {1, -1}), new double[] {0, 0});
        ScenarioDocument d = ScenarioDocument.of(b.build(), "three examples").withExamples(List.of(
                new Example("plus", Matrix.wrap(1, 1, new double[] {1}), null, new int[] {0}),
                new Example("minus", Matrix.wrap(1, 1, new double[] {-1}), null, new int[] {0}),
                new Example("minus two", Matrix.wrap(1, 1, new double[] {-2}), null, new int[] {1})), List.of());
        Evaluation.Score score = Evaluation.score(d.trainingSet());
        assertEquals(new Evaluation.Score(2, 3, 2, 3), score);
        assertEquals(2.0 / 3, score.stepAccuracy(), 1e-15);
    }

    @Test
    void meanSquaredErrorHasNoAccuracy() {
        assertThrows(IllegalArgumentException.class, () -> Evaluation.score(Samples.load("default.json").trainingSet()));
    }

    @Test
    void theTrainerAveragesTheLossOverTheExamples() {
        ScenarioDocument s = Samples.load("sentiment.json");
        double sum = 0;
        for (Example e : s.examples()) {
            sum += Engine.run(s.withExample(e)).loss();
        }
        assertEquals(sum / s.examples().size(), Trainer.meanLoss(s.trainingSet()), 1e-15);
    }
}
