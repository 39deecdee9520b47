package org.unrolled.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.unrolled.io.ScenarioReader;

/** Training on the free-running loss follows the gradient of that loss, checked by finite differences. */
class FreeRunningTrainingTest {
    private static Scenario decoder() throws Exception {
        return ScenarioReader.parse("""
            {"format": "rnn-scenario/1", "title": "wave", "cell": "gru", "inputSize": 1, "hiddenSize": 3,
             "outputSize": 1, "mapping": "one-to-many", "loss": "mse", "feedback": "teacher-forcing",
             "inputs": [[0.5]], "targets": [[0.8], [0.3], [-0.4], [-0.7]], "init": {"seed": 3, "scale": 0.8}}
            """, "d.json").scenario();
    }

    private static double freeLoss(Scenario s, double[] w) {
        Scenario.Builder b = s.toBuilder();
        b.weights = Parameters.unflatten(s.weights(), w);
        b.feedback = Feedback.FREE_RUNNING;
        return Engine.run(b.build()).loss();
    }

    @Test
    void oneSgdStepMovesAgainstTheFiniteDifferenceGradientOfTheFreeRunningLoss() throws Exception {
        Scenario s = decoder();
        double[] w = Parameters.flatten(s.weights());
        double lr = 0.1;
        Trainer.Result r = Trainer.trainFreeRunning(s, List.of(s), new Trainer.Settings(Trainer.Optimizer.SGD, lr, 1, 0),
                (d, t, l) -> { });
        double[] after = Parameters.flatten(r.scenario().weights());
        double tf = 0;
        double fr = 0;
        for (int i = 0; i < w.length; i++) {
            double eps = 1e-6;
            double[] up = w.clone();
            double[] down = w.clone();
            up[i] += eps;
            down[i] -= eps;
            double g = (freeLoss(s, up) - freeLoss(s, down)) / (2 * eps);
            assertEquals(w[i] - lr * g, after[i], 1e-7, "parameter " + i);
            fr += Math.abs(g);
        }
        double[] tfAfter = Parameters.flatten(Trainer.train(s, List.of(s), new Trainer.Settings(Trainer.Optimizer.SGD, lr, 1, 0),
                (d, t, l) -> { }).scenario().weights());
        for (int i = 0; i < w.length; i++) {
            tf += Math.abs(tfAfter[i] - after[i]);
        }
        assertTrue(fr > 0 && tf > 1e-6, "the free-running loss is another loss than teacher forcing's");
        assertEquals(Feedback.TEACHER_FORCING, r.scenario().feedback(), "the file keeps its feedback mode");
        assertEquals(freeLoss(s, w), r.initialLoss(), 1e-12, "the loss reported is the free-running one");
    }

    @Test
    void aClassifierHasNoFreeRunningLossToTrainOn() throws Exception {
        Scenario s = ScenarioReader.read(java.nio.file.Path.of("samples", "rnn-step.json")).scenario();
        assertThrows(IllegalArgumentException.class, () -> Trainer.trainFreeRunning(s, List.of(s),
                new Trainer.Settings(Trainer.Optimizer.SGD, 0.1, 1, 0), (d, t, l) -> { }));
    }
}
