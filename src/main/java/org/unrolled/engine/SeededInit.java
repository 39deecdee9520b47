package org.unrolled.engine;

import java.util.Random;

/**
 * Seeded uniform initialisation, identical on every machine: {@link java.util.Random}'s generator
 * is specified to the bit by its Javadoc. Each parameter is {@code scale · (2u − 1)} with
 * {@code u = nextDouble()}, drawn in this order: for seq2seq the encoder's {@code weight_ih} (row
 * by row), {@code weight_hh}, {@code bias_ih}, {@code bias_hh}, then the same for the cell (the
 * decoder), then {@code weight_out} and {@code bias_out}.
 */
public final class SeededInit {
    private SeededInit() {
    }

    public static NetworkWeights weights(InitSpec init, CellType cell, Mapping mapping,
            int inputSize, int hiddenSize, int outputSize) {
        Random random = new Random(init.seed());
        double scale = init.effectiveScale(hiddenSize);
        CellWeights encoder = mapping.hasEncoder() ? cellWeights(random, scale, cell, inputSize, hiddenSize) : null;
        CellWeights main = cellWeights(random, scale, cell, inputSize, hiddenSize);
        Matrix weightOut = Matrix.wrap(outputSize, hiddenSize, draw(random, scale, outputSize * hiddenSize));
        double[] biasOut = draw(random, scale, outputSize);
        return new NetworkWeights(encoder, main, weightOut, biasOut);
    }

    private static CellWeights cellWeights(Random random, double scale, CellType cell, int in, int hidden) {
        int gh = cell.gateCount() * hidden;
        Matrix wih = Matrix.wrap(gh, in, draw(random, scale, gh * in));
        Matrix whh = Matrix.wrap(gh, hidden, draw(random, scale, gh * hidden));
        double[] bih = draw(random, scale, gh);
        double[] bhh = draw(random, scale, gh);
        return new CellWeights(wih, whh, bih, bhh);
    }

    private static double[] draw(Random random, double scale, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = scale * (2.0 * random.nextDouble() - 1.0);
        }
        return out;
    }
}
