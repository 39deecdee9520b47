package org.unrolled.engine;

import java.util.Arrays;

/**
 * One cell's forward step and backward step, reading and writing the rows of a
 * {@link SequenceTrace} in place. Work arrays are allocated once per kernel; a kernel serves one
 * sequence at a time and is not thread-safe.
 *
 * <p>The backward step writes two gradient rows per step: {@code dPreI}, the gradient with respect to
 * the terms fed by {@code x_t} ({@code W_ih x_t + b_ih}), and {@code dPreH}, the gradient with respect
 * to the terms fed by {@code h_{t-1}} ({@code W_hh h_{t-1} + b_hh}). They are equal except in a GRU's
 * candidate block, which the reset gate multiplies.
 */
abstract class CellKernel {
    final int inputSize;
    final int hiddenSize;
    final int gateRows;
    final double[] wih;
    final double[] whh;
    final double[] bih;
    final double[] bhh;
    /** W_ihᵀ and W_hhᵀ, so that the forward products run as vectorisable row sums. */
    final double[] wihT;
    final double[] whhT;

    CellKernel(CellType cell, CellWeights w, int inputSize, int hiddenSize) {
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
        this.gateRows = cell.gateCount() * hiddenSize;
        this.wih = w.weightIh().data();
        this.whh = w.weightHh().data();
        this.bih = w.biasIhData();
        this.bhh = w.biasHhData();
        this.wihT = LinAlg.transpose(wih, gateRows, inputSize);
        this.whhT = LinAlg.transpose(whh, gateRows, hiddenSize);
    }

    static CellKernel create(Scenario s, CellWeights w) {
        return switch (s.cell()) {
            case RNN -> new RnnKernel(w, s.inputSize(), s.hiddenSize(), s.activation());
            case LSTM -> new LstmKernel(w, s.inputSize(), s.hiddenSize());
            case GRU -> new GruKernel(w, s.inputSize(), s.hiddenSize(), s.gruVariant());
        };
    }

    /**
     * Computes step {@code t} from {@code s.x} row {@code t-1} and the state {@code h_{t-1}}
     * ({@code c_{t-1}}); writes the step's pre-activations, gates, state and {@code h_t} into {@code s}.
     */
    abstract void forward(SequenceTrace s, int t);

    /**
     * Backward through step {@code t}.
     *
     * @param dh     total {@code dL/dh_t} (read only)
     * @param dcNext LSTM: the part of {@code dL/dc_t} arriving from {@code c_{t+1}} (read only)
     * @param dPreI  receives row {@code t-1} of the x-side gradients (length {@code T·G·H})
     * @param dPreH  receives row {@code t-1} of the h-side gradients; may be the same array as dPreI
     *               where {@link #hiddenSideDiffers()} is false
     * @param dhPrev overwritten with {@code dL/dh_{t-1}} through this step
     * @param dcPrev LSTM: overwritten with {@code dL/dc_{t-1}} through the forget gate
     */
    abstract void backward(SequenceTrace s, int t, double[] dh, double[] dcNext,
            double[] dPreI, double[] dPreH, double[] dhPrev, double[] dcPrev);

    /** Whether {@code dPreH} differs from {@code dPreI} and needs its own array. */
    boolean hiddenSideDiffers() {
        return false;
    }

    /** {@code dx = W_ihᵀ dPreI_t}: the gradient reaching the input of step {@code t}. Overwrites dx. */
    final void inputGradient(double[] dPreI, int t, double[] dx) {
        Arrays.fill(dx, 0);
        LinAlg.multTransAdd(wih, 0, gateRows, inputSize, dPreI, (t - 1) * gateRows, dx, 0);
    }

    /**
     * Adds the parameter gradients of a whole sequence, {@code dW_ih += Σ_t dPreI_t x_tᵀ},
     * {@code dW_hh += Σ_t dPreH_t h_{t-1}ᵀ} and the bias sums, into {@code g}.
     */
    void accumulateGradients(SequenceTrace s, double[] dPreI, double[] dPreH, GradientSums g) {
        int steps = s.length;
        LinAlg.accumulateOuterTransposed(g.weightIhT, gateRows, 0, gateRows, inputSize, dPreI, gateRows, 0, s.x, 0, steps);
        LinAlg.accumulateRows(g.biasIh, 0, gateRows, dPreI, gateRows, 0, steps);
        LinAlg.accumulateOuterTransposed(g.weightHhT, gateRows, 0, gateRows, hiddenSize, dPreH, gateRows, 0, s.h, 0, steps);
        LinAlg.accumulateRows(g.biasHh, 0, gateRows, dPreH, gateRows, 0, steps);
    }

    /** Sets {@code p[pOff..pOff+G·H)} to {@code b_ih + b_hh + W_ih x_t + W_hh h_{t-1}}. */
    final void stackedPreActivation(SequenceTrace s, int t, double[] p, int pOff) {
        int k = t - 1;
        for (int i = 0; i < gateRows; i++) {
            p[pOff + i] = bih[i] + bhh[i];
        }
        LinAlg.multAddByColumns(wihT, gateRows, 0, gateRows, s.x, k * inputSize, inputSize, p, pOff);
        LinAlg.multAddByColumns(whhT, gateRows, 0, gateRows, s.h, k * hiddenSize, hiddenSize, p, pOff);
    }

    /** Mutable gradient sums of one cell's parameters; the weight gradients are held transposed. */
    static final class GradientSums {
        final double[] weightIhT;
        final double[] weightHhT;
        final double[] biasIh;
        final double[] biasHh;
        private final int gateRows;
        private final int inputSize;
        private final int hiddenSize;

        GradientSums(CellType cell, int inputSize, int hiddenSize) {
            this.gateRows = cell.gateCount() * hiddenSize;
            this.inputSize = inputSize;
            this.hiddenSize = hiddenSize;
            weightIhT = new double[inputSize * gateRows];
            weightHhT = new double[hiddenSize * gateRows];
            biasIh = new double[gateRows];
            biasHh = new double[gateRows];
        }

        CellWeights toWeights() {
            return new CellWeights(Matrix.wrap(gateRows, inputSize, LinAlg.transpose(weightIhT, inputSize, gateRows)),
                    Matrix.wrap(gateRows, hiddenSize, LinAlg.transpose(weightHhT, hiddenSize, gateRows)), biasIh, biasHh);
        }
    }
}
