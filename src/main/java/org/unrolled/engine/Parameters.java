package org.unrolled.engine;

/**
 * Every parameter of a network as one flat vector, in a fixed order (encoder, cell, output layer;
 * within a cell weight_ih, weight_hh, bias_ih, bias_hh, each row by row), and back.
 */
public final class Parameters {
    private Parameters() {
    }

    public static double[] flatten(NetworkWeights w) {
        int n = size(w);
        double[] out = new double[n];
        int k = 0;
        if (w.hasEncoder()) {
            k = put(out, k, w.encoder());
        }
        k = put(out, k, w.cell());
        k = put(out, k, w.weightOut().data());
        put(out, k, w.biasOutData());
        return out;
    }

    /** Weights shaped like {@code shape} holding {@code values} in {@link #flatten} order. */
    public static NetworkWeights unflatten(NetworkWeights shape, double[] values) {
        int[] k = {0};
        CellWeights encoder = shape.hasEncoder() ? take(shape.encoder(), values, k) : null;
        CellWeights cell = take(shape.cell(), values, k);
        Matrix out = Matrix.wrap(shape.weightOut().rows(), shape.weightOut().cols(), take(values, k, shape.weightOut().data().length));
        double[] bias = take(values, k, shape.biasOutData().length);
        return new NetworkWeights(encoder, cell, out, bias);
    }

    public static int size(NetworkWeights w) {
        int n = cellSize(w.cell()) + w.weightOut().data().length + w.biasOutData().length;
        return w.hasEncoder() ? n + cellSize(w.encoder()) : n;
    }

    private static int cellSize(CellWeights c) {
        return c.weightIh().data().length + c.weightHh().data().length + c.biasIhData().length + c.biasHhData().length;
    }

    private static int put(double[] out, int k, CellWeights c) {
        k = put(out, k, c.weightIh().data());
        k = put(out, k, c.weightHh().data());
        k = put(out, k, c.biasIhData());
        return put(out, k, c.biasHhData());
    }

    private static int put(double[] out, int k, double[] v) {
        System.arraycopy(v, 0, out, k, v.length);
        return k + v.length;
    }

    private static CellWeights take(CellWeights shape, double[] v, int[] k) {
        Matrix wih = Matrix.wrap(shape.weightIh().rows(), shape.weightIh().cols(), take(v, k, shape.weightIh().data().length));
        Matrix whh = Matrix.wrap(shape.weightHh().rows(), shape.weightHh().cols(), take(v, k, shape.weightHh().data().length));
        return new CellWeights(wih, whh, take(v, k, shape.biasIhData().length), take(v, k, shape.biasHhData().length));
    }

    private static double[] take(double[] v, int[] k, int n) {
        double[] out = java.util.Arrays.copyOfRange(v, k[0], k[0] + n);
        k[0] += n;
        return out;
    }
}
