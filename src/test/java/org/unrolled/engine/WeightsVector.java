package org.unrolled.engine;

import java.util.ArrayList;
import java.util.List;

/** Every parameter of a network as one flat vector with names, to perturb and compare one at a time. */
final class WeightsVector {
    private WeightsVector() {
    }

    static List<String> names(NetworkWeights w) {
        List<String> names = new ArrayList<>();
        if (w.hasEncoder()) {
            cellNames(names, "encoder.", w.encoder());
            cellNames(names, "decoder.", w.cell());
        } else {
            cellNames(names, "", w.cell());
        }
        matrixNames(names, "weight_out", w.weightOut());
        for (int i = 0; i < w.biasOut().length; i++) {
            names.add("bias_out[" + i + "]");
        }
        return names;
    }

    private static void cellNames(List<String> names, String prefix, CellWeights c) {
        matrixNames(names, prefix + "weight_ih", c.weightIh());
        matrixNames(names, prefix + "weight_hh", c.weightHh());
        for (int i = 0; i < c.biasIh().length; i++) {
            names.add(prefix + "bias_ih[" + i + "]");
        }
        for (int i = 0; i < c.biasHh().length; i++) {
            names.add(prefix + "bias_hh[" + i + "]");
        }
    }

    private static void matrixNames(List<String> names, String name, Matrix m) {
        for (int r = 0; r < m.rows(); r++) {
            for (int c = 0; c < m.cols(); c++) {
                names.add(name + "[" + r + "][" + c + "]");
            }
        }
    }

    static double[] flatten(NetworkWeights w) {
        List<double[]> parts = new ArrayList<>();
        if (w.hasEncoder()) {
            addCell(parts, w.encoder());
        }
        addCell(parts, w.cell());
        parts.add(w.weightOut().toRowMajor());
        parts.add(w.biasOut());
        int n = parts.stream().mapToInt(p -> p.length).sum();
        double[] out = new double[n];
        int k = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, out, k, p.length);
            k += p.length;
        }
        return out;
    }

    private static void addCell(List<double[]> parts, CellWeights c) {
        parts.add(c.weightIh().toRowMajor());
        parts.add(c.weightHh().toRowMajor());
        parts.add(c.biasIh());
        parts.add(c.biasHh());
    }

    /** Weights shaped like {@code template} holding {@code values} (in {@link #flatten} order). */
    static NetworkWeights unflatten(NetworkWeights template, double[] values) {
        int[] k = {0};
        CellWeights encoder = template.hasEncoder() ? cell(template.encoder(), values, k) : null;
        CellWeights cell = cell(template.cell(), values, k);
        Matrix out = take(template.weightOut(), values, k);
        double[] bias = take(template.biasOut().length, values, k);
        return new NetworkWeights(encoder, cell, out, bias);
    }

    private static CellWeights cell(CellWeights t, double[] v, int[] k) {
        Matrix wih = take(t.weightIh(), v, k);
        Matrix whh = take(t.weightHh(), v, k);
        return new CellWeights(wih, whh, take(t.biasIh().length, v, k), take(t.biasHh().length, v, k));
    }

    private static Matrix take(Matrix shape, double[] v, int[] k) {
        return Matrix.of(shape.rows(), shape.cols(), take(shape.rows() * shape.cols(), v, k));
    }

    private static double[] take(int n, double[] v, int[] k) {
        double[] out = java.util.Arrays.copyOfRange(v, k[0], k[0] + n);
        k[0] += n;
        return out;
    }

    static Scenario withWeights(Scenario s, double[] values) {
        Scenario.Builder b = s.toBuilder();
        b.weights = unflatten(s.weights(), values);
        return b.build();
    }
}
