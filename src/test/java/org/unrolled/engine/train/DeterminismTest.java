package org.unrolled.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.unrolled.engine.Activation;
import org.unrolled.engine.CellType;
import org.unrolled.engine.Engine;
import org.unrolled.engine.Parameters;

class DeterminismTest {

    private static Race race(int threads, CellType cell, Task task) {
        TrainSettings s = new TrainSettings(task, 30, 8, Optimizer.Kind.ADAM, 0.01, 1.0, 1.0, 4, 50, 16);
        Workers w = new Workers(threads);
        Race race = new Race(s, List.of(new Net(cell, Activation.TANH, task.inputSize(), 6, task.outputSize())), w,
                Double.NaN, 64);
        while (!race.finished()) {
            race.step();
        }
        w.close();
        return race;
    }

    @ParameterizedTest
    @CsvSource({"LSTM,ADDING", "GRU,ORDER", "RNN,ADDING"})
    void oneThreadAndThreeGiveTheSameBits(CellType cell, Task task) {
        Race one = race(1, cell, task);
        Race three = race(3, cell, task);
        double[] a = one.runners().get(0).trainer().parameters();
        double[] b = three.runners().get(0).trainer().parameters();
        for (int i = 0; i < a.length; i++) {
            assertEquals(Double.doubleToRawLongBits(a[i]), Double.doubleToRawLongBits(b[i]), "parameter " + i);
        }
        List<History.Point> ha = one.runners().get(0).history().points();
        List<History.Point> hb = three.runners().get(0).history().points();
        assertEquals(ha.size(), hb.size());
        for (int i = 0; i < ha.size(); i++) {
            assertEquals(ha.get(i).sequences(), hb.get(i).sequences());
            assertEquals(Double.doubleToRawLongBits(ha.get(i).score()), Double.doubleToRawLongBits(hb.get(i).score()));
        }
        assertEquals(5, ha.size(), "evaluated at 0, 16, 32, 48, 64 sequences");
    }

    /** One update equals the engine's mean gradient over the same batch, clipped, through Adam's first step. */
    @ParameterizedTest
    @CsvSource({"LSTM", "GRU"})
    void firstUpdateIsAdamOnTheEnginesMeanGradient(CellType cell) {
        Task task = Task.ADDING;
        TrainSettings s = new TrainSettings(task, 12, 4, Optimizer.Kind.ADAM, 0.01, 0.5, 1.0, 9, 5, 4);
        Net net = new Net(cell, Activation.TANH, 2, 5, 1);
        try (Workers w = new Workers(2)) {
            BatchTrainer t = new BatchTrainer(net, s, w);
            double[] before = t.parameters();
            // the same batch, drawn from the trainer's data generator
            java.util.Random data = new java.util.Random(BatchTrainer.dataSeed(9));
            double[] g = new double[net.size()];
            for (int b = 0; b < 4; b++) {
                double[] x = new double[24];
                double target = task.draw(data, 12, x, 0);
                double[] gb = Parameters.flatten(Engine.run(BatchTrainer.scenarioOn(net, before, task, 12, x, target))
                        .gradients());
                for (int i = 0; i < g.length; i++) {
                    g[i] += gb[i] / 4;
                }
            }
            double norm = 0;
            for (double v : g) {
                norm += v * v;
            }
            norm = Math.sqrt(norm);
            assertTrue(norm > 0.5, "the case must exercise clipping, norm " + norm);
            t.step();
            assertEquals(norm, t.lastGradientNorm(), 1e-12 * norm);
            double[] after = t.parameters();
            // Adam's first step: Δ = lr · ĝ / (|ĝ| + ε) with ĝ = g · 0.5 / ‖g‖
            double[] expected = new double[before.length];
            for (int i = 0; i < before.length; i++) {
                double gi = g[i] * 0.5 / norm;
                expected[i] = before[i] - 0.01 * gi / (Math.abs(gi) + 1e-8);
            }
            assertArrayEquals(expected, after, 1e-12);
        }
    }
}
