package org.unrolled.bench;

import java.util.Random;
import org.unrolled.engine.CellType;
import org.unrolled.engine.InitSpec;
import org.unrolled.engine.LossKind;
import org.unrolled.engine.Mapping;
import org.unrolled.engine.Matrix;
import org.unrolled.engine.Scenario;
import org.unrolled.engine.SeededInit;

/** Seeded scenarios for the benchmarks. */
final class Scenarios {
    private Scenarios() {
    }

    static Scenario manyToMany(CellType cell, int in, int hidden, int out, int steps, long seed) {
        Random rnd = new Random(seed);
        Scenario.Builder b = new Scenario.Builder();
        b.cell = cell;
        b.inputSize = in;
        b.hiddenSize = hidden;
        b.outputSize = out;
        b.mapping = Mapping.MANY_TO_MANY;
        b.loss = LossKind.MSE;
        b.inputs = Matrix.of(steps, in, uniform(rnd, steps * in));
        b.targetVectors = Matrix.of(steps, out, uniform(rnd, steps * out));
        b.init = InitSpec.withDefaultScale(seed);
        b.weights = SeededInit.weights(b.init, cell, Mapping.MANY_TO_MANY, in, hidden, out);
        return b.build();
    }

    private static double[] uniform(Random rnd, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = 2 * rnd.nextDouble() - 1;
        }
        return v;
    }
}
