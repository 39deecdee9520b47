package org.unrolled.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.unrolled.io.Samples;

class TrainerTest {

    @Test
    void oneSgdStepMovesAgainstTheGradient() {
        Scenario s = Samples.load("rnn-vanishing.json").scenario();
        double[] w = Parameters.flatten(s.weights());
        double[] g = Parameters.flatten(Engine.run(s).gradients());
        Trainer.Result r = Trainer.train(s, List.of(s), new Trainer.Settings(Trainer.Optimizer.SGD, 0.1, 1, 0), (d, t, l) -> { });
        double[] after = Parameters.flatten(r.scenario().weights());
        for (int i = 0; i < w.length; i++) {
            assertEquals(w[i] - 0.1 * g[i], after[i], 1e-15);
        }
    }

    @Test
    void clippingScalesTheWholeGradientToTheGivenNorm() {
        Scenario s = Samples.load("default.json").scenario();
        double[] w = Parameters.flatten(s.weights());
        double[] g = Parameters.flatten(Engine.run(s).gradients());
        double norm = 0;
        for (double x : g) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        double clip = norm / 4;
        double[] after = Parameters.flatten(Trainer.train(s, List.of(s), new Trainer.Settings(Trainer.Optimizer.SGD, 1.0, 1, clip),
                (d, t, l) -> { }).scenario().weights());
        double moved = 0;
        for (int i = 0; i < w.length; i++) {
            moved += (w[i] - after[i]) * (w[i] - after[i]);
        }
        assertEquals(clip, Math.sqrt(moved), 1e-12);
    }

    @Test
    void adamFitsTheDefaultSequence() {
        Scenario s = Samples.load("default.json").scenario();
        Trainer.Result r = Trainer.train(s, List.of(s), new Trainer.Settings(Trainer.Optimizer.ADAM, 0.01, 300, 5), (d, t, l) -> { });
        assertTrue(r.finalLoss() < r.initialLoss() / 100, r.initialLoss() + " -> " + r.finalLoss());
        assertEquals(r.finalLoss(), Engine.run(r.scenario()).loss(), 0.0);
    }

    @Test
    void flattenAndUnflattenAreInverse() {
        Scenario s = Samples.load("gru-seq2seq.json").scenario();
        double[] w = Parameters.flatten(s.weights());
        assertEquals(Parameters.size(s.weights()), w.length);
        assertArrayEquals(w, Parameters.flatten(Parameters.unflatten(s.weights(), w)), 0.0);
        assertEquals(WeightsVector.names(s.weights()).size(), w.length, "a name for every parameter");
    }
}
