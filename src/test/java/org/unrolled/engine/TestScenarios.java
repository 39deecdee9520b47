package org.unrolled.engine;

/** Scenarios for tests: the shape set in one call, inputs, targets and weights added by the test. */
public final class TestScenarios {
    private TestScenarios() {
    }

    /** A builder with its cell, sizes, mapping and loss set. */
    public static Scenario.Builder shaped(CellType cell, int in, int hidden, int out, Mapping mapping,
            LossKind loss) {
        Scenario.Builder b = new Scenario.Builder();
        b.cell = cell;
        b.inputSize = in;
        b.hiddenSize = hidden;
        b.outputSize = out;
        b.mapping = mapping;
        b.loss = loss;
        return b;
    }

    /** Gives {@code b} seeded weights of its shape (and the init that made them); returns it. */
    public static Scenario.Builder seeded(Scenario.Builder b, InitSpec init) {
        b.init = init;
        b.weights = SeededInit.weights(init, b.cell, b.mapping, b.inputSize, b.hiddenSize, b.outputSize);
        return b;
    }

    /** A one-column matrix: a sequence of scalar inputs or targets. */
    public static Matrix column(double... values) {
        return Matrix.of(values.length, 1, values);
    }
}
