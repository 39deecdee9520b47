package org.unrolled.engine;

import java.util.Arrays;

/** Vanilla RNN: {@code h_t = act(W_ih x_t + b_ih + W_hh h_{t-1} + b_hh)}. */
final class RnnKernel extends CellKernel {
    private final boolean relu;

    RnnKernel(CellWeights w, int inputSize, int hiddenSize, Activation activation) {
        super(CellType.RNN, w, inputSize, hiddenSize);
        this.relu = activation == Activation.RELU;
    }

    @Override
    void forward(SequenceTrace s, int t) {
        int h = hiddenSize;
        int pOff = (t - 1) * h;
        // p = W_ih x_t + b_ih + W_hh h_{t-1} + b_hh
        stackedPreActivation(s, t, s.pre, pOff);
        // h_t = act(p)
        for (int j = 0; j < h; j++) {
            double p = s.pre[pOff + j];
            s.h[t * h + j] = relu ? relu(p) : LinAlg.tanh(p);
        }
    }

    /** max(p, 0), but NaN stays NaN, as in PyTorch. */
    private static double relu(double p) {
        return p > 0 || Double.isNaN(p) ? p : 0.0;
    }

    @Override
    void backward(SequenceTrace s, int t, double[] dh, double[] dcNext,
            double[] dPreI, double[] dPreH, double[] dhPrev, double[] dcPrev) {
        int h = hiddenSize;
        int off = (t - 1) * h;
        for (int j = 0; j < h; j++) {
            double ht = s.h[t * h + j];
            // dp = dh ⊙ act'(p). relu: dh passes where h_t > 0 (or is NaN) and nothing passes where h_t <= 0,
            // not even an infinite or NaN dh (PyTorch masks, it does not multiply: ∞ · 0 would be NaN)
            dPreI[off + j] = relu ? (ht <= 0 ? 0.0 : dh[j]) : dh[j] * (1.0 - ht * ht);
        }
        // dh_{t-1} = W_hhᵀ dp
        Arrays.fill(dhPrev, 0);
        LinAlg.multTransAdd(whh, 0, gateRows, h, dPreI, off, dhPrev, 0);
    }
}
