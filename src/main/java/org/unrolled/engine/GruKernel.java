package org.unrolled.engine;

import java.util.Arrays;

/**
 * GRU with gate blocks r, z, n (PyTorch order), in PyTorch's form
 * {@code n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn))} or Cho's
 * {@code n = tanh(W_in x + b_in + W_hn (r ⊙ h) + b_hn)}; {@code h_t = (1 − z) ⊙ n + z ⊙ h_{t-1}}.
 */
final class GruKernel extends CellKernel {
    private final boolean cho;
    private final double[] inputPart;   // G·H: W_ih x_t + b_ih
    private final double[] hiddenPart;  // G·H: W_hh h_{t-1} + b_hh (Cho: r, z blocks only)
    private final double[] work;        // H: Cho's r ⊙ h_{t-1} forward, its gradient backward

    GruKernel(CellWeights w, int inputSize, int hiddenSize, GruVariant variant) {
        super(CellType.GRU, w, inputSize, hiddenSize);
        this.cho = variant == GruVariant.CHO;
        inputPart = new double[gateRows];
        hiddenPart = new double[gateRows];
        work = new double[hiddenSize];
    }

    @Override
    boolean hiddenSideDiffers() {
        return true;
    }

    @Override
    void forward(SequenceTrace s, int t) {
        int h = hiddenSize;
        int k = t - 1;
        int pOff = k * gateRows;
        int prev = k * h;
        // gi = W_ih x_t + b_ih
        System.arraycopy(bih, 0, inputPart, 0, gateRows);
        LinAlg.multAddByColumns(wihT, gateRows, 0, gateRows, s.x, k * inputSize, inputSize, inputPart, 0);
        // gh = W_hh h_{t-1} + b_hh  (Cho: r and z blocks only)
        int hiddenRows = cho ? 2 * h : gateRows;
        System.arraycopy(bhh, 0, hiddenPart, 0, hiddenRows);
        LinAlg.multAddByColumns(whhT, gateRows, 0, hiddenRows, s.h, prev, h, hiddenPart, 0);
        for (int j = 0; j < h; j++) {
            double pr = inputPart[j] + hiddenPart[j];
            double pz = inputPart[h + j] + hiddenPart[h + j];
            s.pre[pOff + j] = pr;
            s.pre[pOff + h + j] = pz;
            s.gates[pOff + j] = LinAlg.sigmoid(pr);
            s.gates[pOff + h + j] = LinAlg.sigmoid(pz);
        }
        if (cho) {
            // hn = W_hn (r ⊙ h_{t-1}) + b_hn
            for (int j = 0; j < h; j++) {
                work[j] = s.gates[pOff + j] * s.h[prev + j];
            }
            System.arraycopy(bhh, 2 * h, hiddenPart, 2 * h, h);
            LinAlg.multAddByColumns(whhT, gateRows, 2 * h, h, work, 0, h, hiddenPart, 2 * h);
        }
        for (int j = 0; j < h; j++) {
            double r = s.gates[pOff + j];
            double z = s.gates[pOff + h + j];
            double hn = hiddenPart[2 * h + j];
            // n = tanh(W_in x + b_in + r ⊙ hn)   (Cho: + hn, the reset already inside)
            double pn = inputPart[2 * h + j] + (cho ? hn : r * hn);
            double n = LinAlg.tanh(pn);
            s.pre[pOff + 2 * h + j] = pn;
            s.gates[pOff + 2 * h + j] = n;
            s.hiddenPart[prev + j] = hn;
            // h_t = (1 − z) ⊙ n + z ⊙ h_{t-1}
            s.h[t * h + j] = (1.0 - z) * n + z * s.h[prev + j];
        }
    }

    @Override
    void backward(SequenceTrace s, int t, double[] dh, double[] dcNext,
            double[] dPreI, double[] dPreH, double[] dhPrev, double[] dcPrev) {
        int h = hiddenSize;
        int k = t - 1;
        int pOff = k * gateRows;
        int prev = k * h;
        double[] a = s.gates;
        for (int j = 0; j < h; j++) {
            double r = a[pOff + j];
            double z = a[pOff + h + j];
            double n = a[pOff + 2 * h + j];
            double hp = s.h[prev + j];
            // through h_t = (1 − z) n + z h_{t-1}
            double dn = dh[j] * (1.0 - z);
            double dz = dh[j] * (hp - n);
            double dpn = dn * (1.0 - n * n);
            dPreI[pOff + 2 * h + j] = dpn;
            // PyTorch: d(hn) = dpn ⊙ r and dr = dpn ⊙ hn;  Cho: d(hn) = dpn, dr comes below
            dPreH[pOff + 2 * h + j] = cho ? dpn : dpn * r;
            double dpz = dz * z * (1.0 - z);
            dPreI[pOff + h + j] = dpz;
            dPreH[pOff + h + j] = dpz;
            dhPrev[j] = dh[j] * z;
            if (!cho) {
                double dpr = dpn * s.hiddenPart[prev + j] * r * (1.0 - r);
                dPreI[pOff + j] = dpr;
                dPreH[pOff + j] = dpr;
            }
        }
        if (cho) {
            // d(r ⊙ h_{t-1}) = W_hnᵀ d(hn)
            Arrays.fill(work, 0);
            LinAlg.multTransAdd(whh, 2 * h, h, h, dPreH, pOff + 2 * h, work, 0);
            for (int j = 0; j < h; j++) {
                double r = a[pOff + j];
                double dpr = work[j] * s.h[prev + j] * r * (1.0 - r);
                dPreI[pOff + j] = dpr;
                dPreH[pOff + j] = dpr;
                dhPrev[j] += work[j] * r;
            }
        }
        // dh_{t-1} += W_hhᵀ gh over the blocks that read h_{t-1} directly
        LinAlg.multTransAdd(whh, 0, cho ? 2 * h : gateRows, h, dPreH, pOff, dhPrev, 0);
    }

    @Override
    void accumulateGradients(SequenceTrace s, double[] dPreI, double[] dPreH, GradientSums g) {
        if (!cho) {
            super.accumulateGradients(s, dPreI, dPreH, g);
            return;
        }
        int h = hiddenSize;
        int steps = s.length;
        LinAlg.accumulateOuterTransposed(g.weightIhT, gateRows, 0, gateRows, inputSize, dPreI, gateRows, 0, s.x, 0, steps);
        LinAlg.accumulateRows(g.biasIh, 0, gateRows, dPreI, gateRows, 0, steps);
        LinAlg.accumulateRows(g.biasHh, 0, gateRows, dPreH, gateRows, 0, steps);
        // r and z blocks read h_{t-1}; the n block reads r_t ⊙ h_{t-1}
        LinAlg.accumulateOuterTransposed(g.weightHhT, gateRows, 0, 2 * h, h, dPreH, gateRows, 0, s.h, 0, steps);
        double[] resetHidden = new double[steps * h];
        for (int k = 0; k < steps; k++) {
            for (int j = 0; j < h; j++) {
                resetHidden[k * h + j] = s.gates[k * gateRows + j] * s.h[k * h + j];
            }
        }
        LinAlg.accumulateOuterTransposed(g.weightHhT, gateRows, 2 * h, h, h, dPreH, gateRows, 2 * h, resetHidden, 0, steps);
    }
}

