package org.unrolled.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.unrolled.engine.Activation;
import org.unrolled.engine.CellType;
import org.unrolled.engine.Engine;
import org.unrolled.engine.Parameters;
import org.unrolled.engine.Scenario;
import org.unrolled.engine.Trace;

/** The trainer's own forward/BPTT against the engine's (the reference, checked against PyTorch). */
class SequencePassTest {

    @ParameterizedTest
    @CsvSource({"RNN,TANH,ADDING", "RNN,RELU,ADDING", "LSTM,TANH,ADDING", "GRU,TANH,ADDING",
        "RNN,TANH,ORDER", "LSTM,TANH,ORDER", "GRU,TANH,ORDER"})
    void gradientEqualsTheEngines(CellType cell, Activation act, Task task) {
        int length = 30;
        Net net = new Net(cell, act, task.inputSize(), 7, task.outputSize());
        double[] p = net.initialParameters(5, 1.0);
        // make the weights larger than at init so that every path matters
        Random r = new Random(9);
        for (int i = 0; i < p.length; i++) {
            p[i] += 0.3 * r.nextGaussian();
        }
        SequencePass pass = new SequencePass(net, length, task.isRegression());
        for (int n = 0; n < 3; n++) {
            double[] x = new double[length * task.inputSize()];
            double target = task.draw(r, length, x, 0);
            double[] g = new double[net.size()];
            double loss = pass.lossAndGradient(new Snapshot(net, p), x, 0, length, target, g);
            Scenario s = BatchTrainer.scenarioOn(net, p, task, length, x, target);
            Trace trace = Engine.run(s);
            assertEquals(trace.loss(), loss, 1e-12 * Math.max(1, Math.abs(loss)));
            double[] expected = Parameters.flatten(trace.gradients());
            assertEquals(expected.length, g.length);
            for (int i = 0; i < g.length; i++) {
                assertEquals(expected[i], g[i], 1e-12 * Math.max(1, Math.abs(expected[i])), "parameter " + i);
            }
        }
    }

    /** Central differences of the loss on a tiny LSTM and GRU, independent of any BPTT code. */
    @ParameterizedTest
    @CsvSource({"LSTM", "GRU", "RNN"})
    void gradientMatchesFiniteDifferences(CellType cell) {
        Task task = Task.ADDING;
        int length = 6;
        Net net = new Net(cell, Activation.TANH, 2, 3, 1);
        double[] p = net.initialParameters(3, 1.0);
        double[] x = new double[length * 2];
        double target = task.draw(new Random(4), length, x, 0);
        SequencePass pass = new SequencePass(net, length, true);
        double[] g = new double[net.size()];
        pass.lossAndGradient(new Snapshot(net, p), x, 0, length, target, g);
        double eps = 1e-6;
        for (int i = 0; i < p.length; i++) {
            double[] up = p.clone();
            double[] down = p.clone();
            up[i] += eps;
            down[i] -= eps;
            double lu = pass.lossAndGradient(new Snapshot(net, up), x, 0, length, target, new double[net.size()]);
            double ld = pass.lossAndGradient(new Snapshot(net, down), x, 0, length, target, new double[net.size()]);
            assertEquals((lu - ld) / (2 * eps), g[i], 1e-7, "parameter " + i);
        }
    }
}
