package org.unrolled.engine;

import java.util.Arrays;

/** LSTM with gate blocks i, f, g, o (PyTorch order); the cell state is the "highway". */
final class LstmKernel extends CellKernel {

    LstmKernel(CellWeights w, int inputSize, int hiddenSize) {
        super(CellType.LSTM, w, inputSize, hiddenSize);
    }

    @Override
    void forward(SequenceTrace s, int t) {
        int h = hiddenSize;
        int pOff = (t - 1) * gateRows;
        // [i f g o] pre-activations = W_ih x_t + b_ih + W_hh h_{t-1} + b_hh
        stackedPreActivation(s, t, s.pre, pOff);
        double[] p = s.pre;
        double[] a = s.gates;
        for (int j = 0; j < h; j++) {
            double i = LinAlg.sigmoid(p[pOff + j]);
            double f = LinAlg.sigmoid(p[pOff + h + j]);
            double g = LinAlg.tanh(p[pOff + 2 * h + j]);
            double o = LinAlg.sigmoid(p[pOff + 3 * h + j]);
            a[pOff + j] = i;
            a[pOff + h + j] = f;
            a[pOff + 2 * h + j] = g;
            a[pOff + 3 * h + j] = o;
            // c_t = f ⊙ c_{t-1} + i ⊙ g ;  h_t = o ⊙ tanh(c_t)
            double c = f * s.c[(t - 1) * h + j] + i * g;
            s.c[t * h + j] = c;
            s.h[t * h + j] = o * LinAlg.tanh(c);
        }
    }

    @Override
    void backward(SequenceTrace s, int t, double[] dh, double[] dcNext,
            double[] dPreI, double[] dPreH, double[] dhPrev, double[] dcPrev) {
        int h = hiddenSize;
        int k = t - 1;
        int pOff = k * gateRows;
        double[] a = s.gates;
        for (int j = 0; j < h; j++) {
            double i = a[pOff + j];
            double f = a[pOff + h + j];
            double g = a[pOff + 2 * h + j];
            double o = a[pOff + 3 * h + j];
            double tc = LinAlg.tanh(s.c[t * h + j]);
            // dL/dc_t = (highway from c_{t+1}) + dh ⊙ o ⊙ (1 − tanh²c_t)
            double dc = dcNext[j] + dh[j] * o * (1.0 - tc * tc);
            s.dc[k * h + j] = dc;
            s.dcFromNext[k * h + j] = dcNext[j];
            double dO = dh[j] * tc;
            double dI = dc * g;
            double dG = dc * i;
            double dF = dc * s.c[k * h + j];
            dPreI[pOff + j] = dI * i * (1.0 - i);
            dPreI[pOff + h + j] = dF * f * (1.0 - f);
            dPreI[pOff + 2 * h + j] = dG * (1.0 - g * g);
            dPreI[pOff + 3 * h + j] = dO * o * (1.0 - o);
            // dL/dc_{t-1} through the forget gate: dc ⊙ f
            dcPrev[j] = dc * f;
        }
        // dh_{t-1} = W_hhᵀ dpre
        Arrays.fill(dhPrev, 0);
        LinAlg.multTransAdd(whh, 0, gateRows, h, dPreI, pOff, dhPrev, 0);
    }
}
