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
        return Parameters.flatten(w);
    }

    static NetworkWeights unflatten(NetworkWeights template, double[] values) {
        return Parameters.unflatten(template, values);
    }

    static Scenario withWeights(Scenario s, double[] values) {
        Scenario.Builder b = s.toBuilder();
        b.weights = unflatten(s.weights(), values);
        return b.build();
    }
}
