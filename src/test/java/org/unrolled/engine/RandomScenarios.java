package org.unrolled.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded random scenarios covering every cell × mapping × loss × feedback combination. */
final class RandomScenarios {
    private RandomScenarios() {
    }

    /** One combination of the options that change the equations. */
    record Case(CellType cell, Activation activation, GruVariant variant, Mapping mapping, LossKind loss,
            Feedback feedback) {
        @Override
        public String toString() {
            String c = cell == CellType.RNN ? "rnn-" + activation.jsonName()
                    : cell == CellType.GRU ? "gru-" + variant.jsonName() : "lstm";
            return c + " " + mapping.jsonName() + " " + loss.jsonName() + (feedback == null ? "" : " " + feedback.jsonName());
        }
    }

    static List<Case> allCases() {
        List<Case> cases = new ArrayList<>();
        Object[][] cells = {
            {CellType.RNN, Activation.TANH, null}, {CellType.RNN, Activation.RELU, null},
            {CellType.LSTM, null, null}, {CellType.GRU, null, GruVariant.PYTORCH}, {CellType.GRU, null, GruVariant.CHO}};
        for (Object[] c : cells) {
            for (Mapping m : Mapping.values()) {
                for (LossKind loss : LossKind.values()) {
                    if (m.usesFeedback()) {
                        for (Feedback f : Feedback.values()) {
                            cases.add(new Case((CellType) c[0], (Activation) c[1], (GruVariant) c[2], m, loss, f));
                        }
                    } else {
                        cases.add(new Case((CellType) c[0], (Activation) c[1], (GruVariant) c[2], m, loss, null));
                    }
                }
            }
        }
        return cases;
    }

    /**
     * A random scenario for {@code c}: {@code T} inputs (one for one-to-one and one-to-many) and
     * {@code S} targets where the mapping lets their number differ. Weights uniform in
     * {@code [-scale, scale]}, non-zero initial states.
     */
    static Scenario make(Case c, long seed, int inputSize, int hiddenSize, int outputSizeIfFree, int T, int S,
            double scale) {
        Random rnd = new Random(seed);
        boolean feedsOutputs = c.feedback() == Feedback.TEACHER_FORCING || c.feedback() == Feedback.FREE_RUNNING;
        int out = feedsOutputs ? inputSize : outputSizeIfFree;
        int inputs = switch (c.mapping()) {
            case ONE_TO_ONE, ONE_TO_MANY -> 1;
            default -> T;
        };
        int targets = switch (c.mapping()) {
            case ONE_TO_ONE, MANY_TO_ONE -> 1;
            case MANY_TO_MANY -> T;
            case ONE_TO_MANY, SEQ2SEQ -> S;
        };
        Scenario.Builder b = new Scenario.Builder();
        b.cell = c.cell();
        b.activation = c.activation();
        b.gruVariant = c.variant();
        b.inputSize = inputSize;
        b.hiddenSize = hiddenSize;
        b.outputSize = out;
        b.mapping = c.mapping();
        b.loss = c.loss();
        b.feedback = c.feedback();
        b.inputs = Matrix.of(inputs, inputSize, uniform(rnd, inputs * inputSize, 1.0));
        if (c.loss() == LossKind.MSE) {
            b.targetVectors = Matrix.of(targets, out, uniform(rnd, targets * out, 1.0));
        } else {
            b.targetClasses = rnd.ints(targets, 0, out).toArray();
        }
        b.h0 = uniform(rnd, hiddenSize, 0.5);
        b.c0 = c.cell() == CellType.LSTM ? uniform(rnd, hiddenSize, 0.5) : null;
        b.startInput = c.mapping() == Mapping.SEQ2SEQ ? uniform(rnd, inputSize, 1.0) : null;
        CellWeights encoder = c.mapping().hasEncoder() ? cell(rnd, c.cell(), inputSize, hiddenSize, scale) : null;
        CellWeights cell = cell(rnd, c.cell(), inputSize, hiddenSize, scale);
        b.weights = new NetworkWeights(encoder, cell, Matrix.of(out, hiddenSize, uniform(rnd, out * hiddenSize, scale)),
                uniform(rnd, out, scale));
        return b.build();
    }

    private static CellWeights cell(Random rnd, CellType type, int in, int hidden, double scale) {
        int gh = type.gateCount() * hidden;
        return new CellWeights(Matrix.of(gh, in, uniform(rnd, gh * in, scale)),
                Matrix.of(gh, hidden, uniform(rnd, gh * hidden, scale)),
                uniform(rnd, gh, scale), uniform(rnd, gh, scale));
    }

    static double[] uniform(Random rnd, int n, double scale) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = scale * (2 * rnd.nextDouble() - 1);
        }
        return v;
    }
}
