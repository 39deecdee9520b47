package org.unrolled.engine;

/**
 * The parameters of one recurrent cell in PyTorch's layout: {@code weight_ih} is {@code G·H × I},
 * {@code weight_hh} is {@code G·H × H}, both biases have {@code G·H} entries, with the G gate blocks
 * stacked in {@link CellType#gateNames()} order. Also used for the gradients of those parameters.
 */
public record CellWeights(Matrix weightIh, Matrix weightHh, double[] biasIh, double[] biasHh) {

    public CellWeights {
        biasIh = biasIh.clone();
        biasHh = biasHh.clone();
    }

    @Override
    public double[] biasIh() {
        return biasIh.clone();
    }

    @Override
    public double[] biasHh() {
        return biasHh.clone();
    }

    /** Package-private view of the bias without a copy, for the kernels. */
    double[] biasIhData() {
        return biasIh;
    }

    double[] biasHhData() {
        return biasHh;
    }

    /** Checks that the shapes fit a cell of the given kind and sizes. */
    public void checkShape(CellType cell, int inputSize, int hiddenSize) {
        int gh = cell.gateCount() * hiddenSize;
        check(weightIh.rows() == gh && weightIh.cols() == inputSize, "weight_ih", gh + "x" + inputSize, weightIh);
        check(weightHh.rows() == gh && weightHh.cols() == hiddenSize, "weight_hh", gh + "x" + hiddenSize, weightHh);
        check(biasIh.length == gh, "bias_ih", String.valueOf(gh), biasIh.length);
        check(biasHh.length == gh, "bias_hh", String.valueOf(gh), biasHh.length);
    }

    private static void check(boolean ok, String name, String expected, Object actual) {
        if (!ok) {
            throw new IllegalArgumentException(name + " should be " + expected + ", is " + actual);
        }
    }
}
