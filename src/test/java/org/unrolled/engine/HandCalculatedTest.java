package org.unrolled.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Tiny networks whose every number was worked out by hand (a calculator for tanh), step by step in
 * the comments, so that the engine is checked against arithmetic and not against itself.
 */
class HandCalculatedTest {
    private static final double TOL = 1e-12;

    private static Matrix m(double... rowMajorOneColumn) {
        return Matrix.of(rowMajorOneColumn.length, 1, rowMajorOneColumn);
    }

    /**
     * Vanilla tanh RNN, I = H = O = 1, many-to-one, mse, T = 2.
     * W_ih = 0.5, W_hh = 0.8, b_ih = 0.1, b_hh = −0.1, W_out = 2, b_out = 0.5, h_0 = 0; x = (1, −1), target 0.
     */
    @Test
    void vanillaRnnTwoSteps() {
        Scenario.Builder b = TestScenarios.shaped(CellType.RNN, 1, 1, 1,
                Mapping.MANY_TO_ONE, LossKind.MSE);
        b.inputs = m(1, -1);
        b.targetVectors = m(0);
        b.weights = new NetworkWeights(null,
                new CellWeights(m(0.5), m(0.8), new double[] {0.1}, new double[] {-0.1}), m(2), new double[] {0.5});
        Trace trace = Engine.run(b.build());
        SequenceTrace s = trace.steps();

        // h_1 = tanh(0.5·1 + 0.1 + 0.8·0 − 0.1) = tanh(0.5) = 0.462117157260
        assertEquals(0.462117157260, s.h(1, 0), 1e-12);
        // h_2 = tanh(0.5·(−1) + 0.8·0.462117157260) = tanh(−0.130306274192) = −0.129573727595
        assertEquals(-0.130306274192, s.preActivation(2, ' ')[0], 1e-12);
        assertEquals(-0.129573727595, s.h(2, 0), 1e-12);
        // only the last step has an output: y_2 = 2·(−0.129573727595) + 0.5 = 0.240852544811
        assertEquals(null, s.y(1));
        assertEquals(0.240852544811, s.y(2)[0], 1e-12);
        // L = ½ · 0.240852544811² = 0.0290049741709
        assertEquals(0.0290049741709, trace.loss(), 1e-12);

        // dL/dy_2 = y_2; dL/dh_2 = W_out · y_2 = 0.481705089621, all of it from the output
        assertEquals(0.481705089621, s.dLdh(2)[0], 1e-12);
        assertEquals(0.481705089621, s.dLdhFromOutput(2)[0], 1e-12);
        assertEquals(0.0, s.dLdhFromNext(2)[0], 0.0);
        // δ_2 = dL/dh_2 · (1 − h_2²) = 0.481705089621 · 0.983210398 = 0.473617573849
        // dL/dh_1 = W_hh · δ_2 = 0.8 · 0.473617573849 = 0.378894059080, all of it from step 2
        assertEquals(0.378894059080, s.dLdh(1)[0], 1e-12);
        assertEquals(0.0, s.dLdhFromOutput(1)[0], 0.0);
        assertEquals(0.378894059080, s.dLdhFromNext(1)[0], 1e-12);
        // δ_1 = 0.378894059080 · (1 − 0.462117157260²) = 0.297980373798
        // dW_out = y_2 · h_2 = −0.0312081620318; db_out = y_2
        assertEquals(-0.0312081620318, trace.gradients().weightOut().get(0, 0), 1e-12);
        assertEquals(0.240852544811, trace.gradients().biasOut()[0], 1e-12);
        // dW_ih = δ_2 · x_2 + δ_1 · x_1 = −0.473617573849 + 0.297980373798 = −0.175637200051
        assertEquals(-0.175637200052, trace.gradients().cell().weightIh().get(0, 0), 1e-12);
        // dW_hh = δ_2 · h_1 + δ_1 · h_0 = 0.473617573849 · 0.462117157260 = 0.218866806856
        assertEquals(0.218866806856, trace.gradients().cell().weightHh().get(0, 0), 1e-12);
        // db_ih = db_hh = δ_1 + δ_2 = 0.771597947647
        assertEquals(0.771597947647, trace.gradients().cell().biasIh()[0], 1e-12);
        assertEquals(0.771597947647, trace.gradients().cell().biasHh()[0], 1e-12);
    }

    /**
     * LSTM, I = H = O = 1, one-to-one, mse, target 0, c_0 = 1, x = 0. All weights 0 except the
     * candidate's bias b_ig = atanh(0.5) = ½ ln 3, so i = f = o = σ(0) = ½ and g = ½; W_out = 1, b_out = 0.
     */
    @Test
    void lstmOneStepThroughTheHighway() {
        Scenario.Builder b = TestScenarios.shaped(CellType.LSTM, 1, 1, 1,
                Mapping.ONE_TO_ONE, LossKind.MSE);
        b.inputs = m(0);
        b.targetVectors = m(0);
        b.c0 = new double[] {1};
        b.weights = new NetworkWeights(null, new CellWeights(m(0, 0, 0, 0), m(0, 0, 0, 0),
                new double[] {0, 0, 0.5 * Math.log(3), 0}, new double[4]), m(1), new double[] {0});
        Trace trace = Engine.run(b.build());
        SequenceTrace s = trace.steps();

        assertArrayEquals(new double[] {0.5}, s.gate(1, 'i'), TOL);
        assertArrayEquals(new double[] {0.5}, s.gate(1, 'f'), TOL);
        assertArrayEquals(new double[] {0.5}, s.gate(1, 'g'), TOL);
        assertArrayEquals(new double[] {0.5}, s.gate(1, 'o'), TOL);
        // c_1 = f·c_0 + i·g = 0.5 + 0.25 = 0.75; h_1 = o·tanh(0.75) = 0.5 · 0.635148952387 = 0.317574476194
        assertEquals(0.75, s.c(1)[0], TOL);
        assertEquals(0.317574476194, s.h(1, 0), 1e-12);
        // L = ½ h_1² = 0.0504267739648
        assertEquals(0.0504267739648, trace.loss(), 1e-12);
        // dL/dh_1 = h_1; dL/dc_1 = dL/dh_1 · o · (1 − tanh²0.75) = 0.317574476194 · 0.5 · 0.596585804 = 0.0947302127848
        assertEquals(0.317574476194, s.dLdh(1)[0], 1e-12);
        assertEquals(0.0947302127848, s.dLdc(1)[0], 1e-12);
        assertEquals(0.0, s.dLdcFromNext(1)[0], 0.0);
        // db_if = dL/dc_1 · c_0 · f(1 − f) = 0.0947302127848 · 0.25 = 0.0236825531962
        assertEquals(0.0236825531962, trace.gradients().cell().biasIh()[1], 1e-12);
    }

    /**
     * GRU, I = H = 1, x = 0, h_0 = 1, every weight 0 except W_hn = 2, b_hn = 1, so r = z = ½.
     * PyTorch: n = tanh(r · (W_hn h_0 + b_hn)) = tanh(1.5); Cho: n = tanh(W_hn (r h_0) + b_hn) = tanh(2).
     * h_1 = ½ n + ½ h_0.
     */
    @Test
    void gruVariantsDifferWhereTheResetGateActs() {
        Scenario.Builder b = TestScenarios.shaped(CellType.GRU, 1, 1, 1,
                Mapping.ONE_TO_ONE, LossKind.MSE);
        b.inputs = m(0);
        b.targetVectors = m(0);
        b.h0 = new double[] {1};
        b.weights = new NetworkWeights(null, new CellWeights(m(0, 0, 0), m(0, 0, 2),
                new double[3], new double[] {0, 0, 1}), m(1), new double[] {0});
        b.gruVariant = GruVariant.PYTORCH;
        // 0.5 · tanh(1.5) + 0.5 = 0.5 · 0.905148253645 + 0.5 = 0.952574126822
        assertEquals(0.952574126822, Engine.run(b.build()).steps().h(1, 0), 1e-12);
        b.gruVariant = GruVariant.CHO;
        // 0.5 · tanh(2) + 0.5 = 0.5 · 0.964027580076 + 0.5 = 0.982013790038
        assertEquals(0.982013790038, Engine.run(b.build()).steps().h(1, 0), 1e-12);
    }
}
