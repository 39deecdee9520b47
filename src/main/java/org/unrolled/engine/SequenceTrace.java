package org.unrolled.engine;

import java.util.Arrays;

/**
 * Everything computed for one run of a cell over a sequence of {@code T} steps, forward and
 * backward. Steps are numbered {@code t = 1..T} as in the lecture notes; {@code h(0)} and
 * {@code c(0)} are the initial state. Immutable once the engine has filled it: every accessor
 * returns a copy or a single number.
 *
 * <p>Gate vectors ({@link #gate}) hold the activated gates ({@code i, f, g, o} or {@code r, z, n});
 * {@link #preActivation} the same blocks before the non-linearity (for a vanilla RNN one block, the
 * sum inside {@code act(...)}).
 */
public final class SequenceTrace {
    final CellType cell;
    final int length;
    final int inputSize;
    final int hiddenSize;
    final int outputSize;
    final int gateRows;

    // Forward, row t-1 for step t unless stated.
    final double[] x;            // T × I, the input actually used
    final double[] pre;          // T × G·H
    final double[] gates;        // T × G·H (empty for a vanilla RNN)
    final double[] hiddenPart;   // T × H: GRU's W_hn h + b_hn (PyTorch) or W_hn (r ⊙ h) + b_hn (Cho)
    final double[] h;            // (T+1) × H, row t is h_t, row 0 is h_0
    final double[] c;            // (T+1) × H, LSTM only
    final double[] y;            // T × O, NaN where the step has no output
    final boolean[] hasOutput;
    final double[] stepLoss;     // NaN where the step has no target

    // Backward.
    final double[] dy;              // T × O, total dL/dy_t (NaN where no output)
    final double[] dh;              // T × H, total dL/dh_t
    final double[] dhFromOutput;    // T × H, the part through y_t (its loss and, if fed back, x_{t+1})
    final double[] dhFromNext;      // T × H, the part through step t+1 (or the decoder, for an encoder's last step)
    final double[] dc;              // T × H, total dL/dc_t (LSTM)
    final double[] dcFromNext;      // T × H, the part of dL/dc_t through c_{t+1} (the highway)

    /** Bytes the recorded numbers of this sequence take (arrays only, not object headers). */
    public long memoryBytes() {
        long doubles = 0;
        for (double[] a : new double[][] {x, pre, gates, hiddenPart, h, c, y, stepLoss, dy, dh, dhFromOutput,
            dhFromNext, dc, dcFromNext}) {
            doubles += a == null ? 0 : a.length;
        }
        return 8 * doubles + hasOutput.length;
    }

    SequenceTrace(CellType cell, int length, int inputSize, int hiddenSize, int outputSize) {
        this.cell = cell;
        this.length = length;
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
        this.outputSize = outputSize;
        this.gateRows = cell.gateCount() * hiddenSize;
        boolean lstm = cell.hasCellState();
        x = new double[length * inputSize];
        pre = new double[length * gateRows];
        gates = new double[cell == CellType.RNN ? 0 : length * gateRows];
        hiddenPart = new double[cell == CellType.GRU ? length * hiddenSize : 0];
        h = new double[(length + 1) * hiddenSize];
        c = new double[lstm ? (length + 1) * hiddenSize : 0];
        y = new double[length * outputSize];
        Arrays.fill(y, Double.NaN);
        hasOutput = new boolean[length];
        stepLoss = new double[length];
        Arrays.fill(stepLoss, Double.NaN);
        dy = new double[length * outputSize];
        Arrays.fill(dy, Double.NaN);
        dh = new double[length * hiddenSize];
        dhFromOutput = new double[length * hiddenSize];
        dhFromNext = new double[length * hiddenSize];
        dc = new double[lstm ? length * hiddenSize : 0];
        dcFromNext = new double[lstm ? length * hiddenSize : 0];
    }

    public CellType cell() {
        return cell;
    }

    /** Number of steps {@code T}. */
    public int length() {
        return length;
    }

    public int hiddenSize() {
        return hiddenSize;
    }

    public int inputSize() {
        return inputSize;
    }

    public int outputSize() {
        return outputSize;
    }

    /** The input used at step {@code t} (1-based). */
    public double[] x(int t) {
        return row(x, t - 1, inputSize);
    }

    /** {@code h_t}; {@code h(0)} is the initial state. */
    public double[] h(int t) {
        return row(h, t, hiddenSize);
    }

    public double h(int t, int unit) {
        return h[t * hiddenSize + unit];
    }

    /** {@code c_t} of an LSTM; {@code c(0)} is the initial cell state. */
    public double[] c(int t) {
        requireCellState();
        return row(c, t, hiddenSize);
    }

    /** The activated gate named {@code name} ('i','f','g','o' or 'r','z','n') at step {@code t}. */
    public double[] gate(int t, char name) {
        int block = gateBlock(name);
        return Arrays.copyOfRange(gates, (t - 1) * gateRows + block * hiddenSize,
                (t - 1) * gateRows + (block + 1) * hiddenSize);
    }

    /** The pre-activation of gate {@code name} (for a vanilla RNN pass {@code ' '}). */
    public double[] preActivation(int t, char name) {
        int block = cell == CellType.RNN ? 0 : gateBlock(name);
        return Arrays.copyOfRange(pre, (t - 1) * gateRows + block * hiddenSize,
                (t - 1) * gateRows + (block + 1) * hiddenSize);
    }

    /** GRU only: the hidden-side term that the reset gate multiplies (or that follows it, for Cho). */
    public double[] gruHiddenPart(int t) {
        if (cell != CellType.GRU) {
            throw new IllegalStateException("only a GRU has this term");
        }
        return row(hiddenPart, t - 1, hiddenSize);
    }

    public boolean hasOutput(int t) {
        return hasOutput[t - 1];
    }

    /** {@code y_t}, or {@code null} when step {@code t} has no output. */
    public double[] y(int t) {
        return hasOutput[t - 1] ? row(y, t - 1, outputSize) : null;
    }

    /** {@code ℓ_t}, or NaN when step {@code t} has no target. */
    public double stepLoss(int t) {
        return stepLoss[t - 1];
    }

    /** Total derivative {@code dL/dy_t}, or {@code null} when step {@code t} has no output. */
    public double[] dLdy(int t) {
        return hasOutput[t - 1] ? row(dy, t - 1, outputSize) : null;
    }

    /** Total derivative {@code dL/dh_t}, through every path. */
    public double[] dLdh(int t) {
        return row(dh, t - 1, hiddenSize);
    }

    /** The part of {@code dL/dh_t} that arrives through the step's own output {@code y_t}. */
    public double[] dLdhFromOutput(int t) {
        return row(dhFromOutput, t - 1, hiddenSize);
    }

    /** The part of {@code dL/dh_t} that arrives from step {@code t+1}. */
    public double[] dLdhFromNext(int t) {
        return row(dhFromNext, t - 1, hiddenSize);
    }

    /** Total derivative {@code dL/dc_t} of an LSTM, including the path through {@code h_t}. */
    public double[] dLdc(int t) {
        requireCellState();
        return row(dc, t - 1, hiddenSize);
    }

    /** The part of {@code dL/dc_t} that arrives along the highway from {@code c_{t+1}}. */
    public double[] dLdcFromNext(int t) {
        requireCellState();
        return row(dcFromNext, t - 1, hiddenSize);
    }

    /** Euclidean norm of {@code dL/dh_t}. */
    public double dLdhNorm(int t) {
        return norm(dh, (t - 1) * hiddenSize, hiddenSize);
    }

    /** Euclidean norm of the part of {@code dL/dh_t} through the step's own output. */
    public double dLdhFromOutputNorm(int t) {
        return norm(dhFromOutput, (t - 1) * hiddenSize, hiddenSize);
    }

    /** Euclidean norm of the part of {@code dL/dh_t} from step {@code t+1}. */
    public double dLdhFromNextNorm(int t) {
        return norm(dhFromNext, (t - 1) * hiddenSize, hiddenSize);
    }

    /** Euclidean norm of {@code dL/dc_t}. */
    public double dLdcNorm(int t) {
        requireCellState();
        return norm(dc, (t - 1) * hiddenSize, hiddenSize);
    }

    private int gateBlock(char name) {
        int block = cell.gateNames().indexOf(name);
        if (block < 0) {
            throw new IllegalArgumentException("a " + cell.jsonName() + " cell has no gate '" + name + "'");
        }
        return block;
    }

    private void requireCellState() {
        if (!cell.hasCellState()) {
            throw new IllegalStateException("only an LSTM has a cell state");
        }
    }

    private static double[] row(double[] data, int index, int width) {
        return Arrays.copyOfRange(data, index * width, (index + 1) * width);
    }

    /** Norm with scaling, so that large finite vectors do not overflow to infinity. */
    static double norm(double[] data, int offset, int n) {
        double max = 0;
        for (int i = 0; i < n; i++) {
            double a = Math.abs(data[offset + i]);
            if (Double.isNaN(a)) {
                return Double.NaN;
            }
            max = Math.max(max, a);
        }
        if (max == 0 || Double.isInfinite(max)) {
            return max;
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double s = data[offset + i] / max;
            sum += s * s;
        }
        return max * Math.sqrt(sum);
    }
}
