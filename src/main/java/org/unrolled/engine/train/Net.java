package org.unrolled.engine.train;

import java.util.Arrays;
import org.unrolled.engine.Activation;
import org.unrolled.engine.CellType;
import org.unrolled.engine.InitSpec;
import org.unrolled.engine.Mapping;
import org.unrolled.engine.NetworkWeights;
import org.unrolled.engine.Parameters;
import org.unrolled.engine.SeededInit;

/**
 * The shape of one many-to-one network of the race and where each of its parameters sits in a flat
 * vector, in {@link Parameters#flatten} order: {@code weight_ih} (G·H × I), {@code weight_hh}
 * (G·H × H), {@code bias_ih}, {@code bias_hh}, {@code weight_out} (O × H), {@code bias_out}.
 */
public record Net(CellType cell, Activation activation, int inputSize, int hiddenSize, int outputSize) {

    public Net {
        activation = cell == CellType.RNN && activation != null ? activation : Activation.TANH;
        if (inputSize < 1 || hiddenSize < 1 || outputSize < 1) {
            throw new IllegalArgumentException("sizes must be positive");
        }
    }

    /** G·H: the stacked gate rows. */
    public int gateRows() {
        return cell.gateCount() * hiddenSize;
    }

    public int offWhh() {
        return gateRows() * inputSize;
    }

    public int offBih() {
        return offWhh() + gateRows() * hiddenSize;
    }

    public int offBhh() {
        return offBih() + gateRows();
    }

    public int offWout() {
        return offBhh() + gateRows();
    }

    public int offBout() {
        return offWout() + outputSize * hiddenSize;
    }

    /** Number of parameters, the output layer included. */
    public int size() {
        return offBout() + outputSize;
    }

    /** Parameters of a cell of this kind with hidden size {@code h} and the same input and output. */
    public static int size(CellType cell, int in, int h, int out) {
        int g = cell.gateCount() * h;
        return g * (in + h + 2) + out * (h + 1);
    }

    /** The hidden size whose parameter count is closest to {@code target} (the smaller on a tie). */
    public static int hiddenMatching(CellType cell, int in, int out, int target) {
        int best = 1;
        for (int h = 1; h <= 1024; h++) {
            if (Math.abs(size(cell, in, h, out) - target) < Math.abs(size(cell, in, best, out) - target)) {
                best = h;
            }
        }
        return best;
    }

    /**
     * Seeded initial parameters: the engine's {@link SeededInit} (uniform in ±1/√H, PyTorch's default),
     * then the opening gate bias: an LSTM's forget block of {@code bias_ih} (and {@code bias_hh} zero
     * there), a GRU's update block (z) likewise, so that the summed bias of that gate is exactly
     * {@code gateBias}. A vanilla RNN has no gate and ignores it.
     */
    public double[] initialParameters(long seed, double gateBias) {
        NetworkWeights w = SeededInit.weights(InitSpec.withDefaultScale(seed), cell, Mapping.MANY_TO_ONE,
                inputSize, hiddenSize, outputSize);
        double[] p = Parameters.flatten(w);
        int block = switch (cell) {
            case LSTM -> 1; // i f g o: f
            case GRU -> 1;  // r z n: z
            case RNN -> -1;
        };
        if (block >= 0) {
            int from = block * hiddenSize;
            Arrays.fill(p, offBih() + from, offBih() + from + hiddenSize, gateBias);
            Arrays.fill(p, offBhh() + from, offBhh() + from + hiddenSize, 0.0);
        }
        return p;
    }

    /** The parameters as the engine's weights. */
    public NetworkWeights weights(double[] p) {
        NetworkWeights shape = SeededInit.weights(new InitSpec(0, 0), cell, Mapping.MANY_TO_ONE, inputSize, hiddenSize,
                outputSize);
        return Parameters.unflatten(shape, p);
    }

    /** "LSTM", "GRU", "RNN tanh" or "RNN relu". */
    public String label() {
        return cell == CellType.RNN ? "RNN " + activation.jsonName() : cell.name();
    }
}
