package org.unrolled.engine.train;

import java.util.Arrays;
import org.unrolled.engine.CellType;
import org.unrolled.engine.LinAlg;

/**
 * Forward and exact backpropagation through time over one many-to-one sequence, the same arithmetic
 * as the engine's kernels ({@code org.unrolled.engine.Engine}, checked against it in the tests) but
 * with every work array allocated once and the parameter gradients summed as it goes. Also the GRU in
 * PyTorch's form only. One pass per worker thread: not thread-safe.
 */
final class SequencePass {
    private final Net net;
    private final int in;
    private final int hid;
    private final int out;
    private final int g;
    private final boolean relu;
    private final int maxLength;
    /** One output with the squared error, or classes with cross-entropy. */
    private final boolean regression;
    private final double[] act;     // T·G: gate activations (RNN: unused, h holds them)
    private final double[] h;       // (T+1)·H
    private final double[] c;       // (T+1)·H, LSTM
    private final double[] hn;      // T·H, GRU: W_hn h_{t-1} + b_hn
    private final double[] tanhC;   // T·H, LSTM: tanh(c_t), kept for the backward step
    private final double[] ip;      // G: W_ih x_t + b_ih
    private final double[] hp;      // G: W_hh h_{t-1} + b_hh
    private final double[] dPreI;   // G
    private final double[] dPreH;   // G
    private final double[] dh;
    private final double[] dhPrev;
    private final double[] dc;
    private final double[] dcPrev;
    final double[] y;
    private final double[] dy;

    SequencePass(Net net, int maxLength, boolean regression) {
        this.net = net;
        this.regression = regression;
        this.in = net.inputSize();
        this.hid = net.hiddenSize();
        this.out = net.outputSize();
        this.g = net.gateRows();
        this.relu = net.cell() == CellType.RNN && net.activation() == org.unrolled.engine.Activation.RELU;
        this.maxLength = maxLength;
        act = new double[maxLength * g];
        h = new double[(maxLength + 1) * hid];
        c = new double[(maxLength + 1) * hid];
        hn = new double[maxLength * hid];
        tanhC = new double[maxLength * hid];
        ip = new double[g];
        hp = new double[g];
        dPreI = new double[g];
        dPreH = new double[g];
        dh = new double[hid];
        dhPrev = new double[hid];
        dc = new double[hid];
        dcPrev = new double[hid];
        y = new double[out];
        dy = new double[out];
    }

    /** Runs the sequence forward and writes its output into {@link #y}. */
    void forward(Snapshot w, double[] x, int xOff, int length) {
        if (length > maxLength) {
            throw new IllegalArgumentException("sequence longer than this pass was made for");
        }
        double[] p = w.p;
        Arrays.fill(h, 0, hid, 0.0);
        Arrays.fill(c, 0, hid, 0.0);
        for (int t = 1; t <= length; t++) {
            step(w, x, xOff + (t - 1) * in, t);
        }
        // y = W_out h_T + b_out
        int wo = net.offWout();
        for (int i = 0; i < out; i++) {
            double s = p[net.offBout() + i];
            for (int k = 0; k < hid; k++) {
                s += p[wo + i * hid + k] * h[length * hid + k];
            }
            y[i] = s;
        }
    }

    private void step(Snapshot w, double[] x, int xRow, int t) {
        double[] p = w.p;
        System.arraycopy(p, net.offBih(), ip, 0, g);
        System.arraycopy(p, net.offBhh(), hp, 0, g);
        for (int k = 0; k < in; k++) {
            double v = x[xRow + k];
            if (v != 0) { // one-hot and marker inputs are mostly zero; adding 0·w changes nothing
                axpy(v, w.wihT, k * g, ip, g);
            }
        }
        int prev = (t - 1) * hid;
        for (int k = 0; k < hid; k++) {
            axpy(h[prev + k], w.whhT, k * g, hp, g);
        }
        int aOff = (t - 1) * g;
        int cur = t * hid;
        switch (net.cell()) {
            case RNN -> {
                for (int j = 0; j < hid; j++) {
                    double v = ip[j] + hp[j];
                    h[cur + j] = relu ? (v > 0 || Double.isNaN(v) ? v : 0.0) : LinAlg.tanh(v);
                }
            }
            case LSTM -> {
                for (int j = 0; j < hid; j++) {
                    double i = LinAlg.sigmoid(ip[j] + hp[j]);
                    double f = LinAlg.sigmoid(ip[hid + j] + hp[hid + j]);
                    double gg = LinAlg.tanh(ip[2 * hid + j] + hp[2 * hid + j]);
                    double o = LinAlg.sigmoid(ip[3 * hid + j] + hp[3 * hid + j]);
                    act[aOff + j] = i;
                    act[aOff + hid + j] = f;
                    act[aOff + 2 * hid + j] = gg;
                    act[aOff + 3 * hid + j] = o;
                    double cc = f * c[prev + j] + i * gg;
                    c[cur + j] = cc;
                    double tc = LinAlg.tanh(cc);
                    tanhC[prev + j] = tc;
                    h[cur + j] = o * tc;
                }
            }
            case GRU -> {
                for (int j = 0; j < hid; j++) {
                    double r = LinAlg.sigmoid(ip[j] + hp[j]);
                    double z = LinAlg.sigmoid(ip[hid + j] + hp[hid + j]);
                    double hnj = hp[2 * hid + j];
                    double n = LinAlg.tanh(ip[2 * hid + j] + r * hnj);
                    act[aOff + j] = r;
                    act[aOff + hid + j] = z;
                    act[aOff + 2 * hid + j] = n;
                    hn[prev + j] = hnj;
                    h[cur + j] = (1.0 - z) * n + z * h[prev + j];
                }
            }
        }
    }

    /**
     * Forward, the loss against {@code target} (½‖y − target‖² for one output, or −log softmax at
     * class {@code target}), and backward: adds {@code dℓ/dθ} into {@code grad} (laid out as
     * {@link Net}). Returns the loss.
     */
    double lossAndGradient(Snapshot w, double[] x, int xOff, int length, double target, double[] grad) {
        forward(w, x, xOff, length);
        double loss = loss(target);
        double[] p = w.p;
        int wo = net.offWout();
        int last = length * hid;
        Arrays.fill(dh, 0.0);
        for (int i = 0; i < out; i++) {
            double d = dy[i];
            grad[net.offBout() + i] += d;
            for (int k = 0; k < hid; k++) {
                grad[wo + i * hid + k] += d * h[last + k];
                dh[k] += p[wo + i * hid + k] * d;
            }
        }
        Arrays.fill(dc, 0.0);
        for (int t = length; t >= 1; t--) {
            backStep(w, x, xOff + (t - 1) * in, t, grad);
            // the gradients handed to step t−1
            System.arraycopy(dhPrev, 0, dh, 0, hid);
            System.arraycopy(dcPrev, 0, dc, 0, hid);
        }
        return loss;
    }

    private double loss(double target) {
        if (regression) {
            double d = y[0] - target;
            dy[0] = d;
            return 0.5 * d * d;
        }
        int k = (int) target;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < out; i++) {
            max = Math.max(max, y[i]);
        }
        double sum = 0;
        for (int i = 0; i < out; i++) {
            double e = Math.exp(y[i] - max);
            dy[i] = e;
            sum += e;
        }
        for (int i = 0; i < out; i++) {
            dy[i] = dy[i] / sum - (i == k ? 1.0 : 0.0);
        }
        return -((y[k] - max) - Math.log(sum));
    }

    /** dh holds the total dL/dh_t, dc the part of dL/dc_t from c_{t+1}; fills dhPrev, dcPrev. */
    private void backStep(Snapshot w, double[] x, int xRow, int t, double[] grad) {
        int aOff = (t - 1) * g;
        int prev = (t - 1) * hid;
        int cur = t * hid;
        double[] dI = dPreI;
        double[] dH = dPreH;
        switch (net.cell()) {
            case RNN -> {
                for (int j = 0; j < hid; j++) {
                    double ht = h[cur + j];
                    // relu masks (as PyTorch does) rather than multiplying: an infinite dh stays out where h <= 0
                    dI[j] = relu ? (ht <= 0 ? 0.0 : dh[j]) : dh[j] * (1.0 - ht * ht);
                }
                dH = dI;
                Arrays.fill(dhPrev, 0.0);
            }
            case LSTM -> {
                for (int j = 0; j < hid; j++) {
                    double i = act[aOff + j];
                    double f = act[aOff + hid + j];
                    double gg = act[aOff + 2 * hid + j];
                    double o = act[aOff + 3 * hid + j];
                    double tc = tanhC[prev + j];
                    double dcj = dc[j] + dh[j] * o * (1.0 - tc * tc);
                    dI[j] = dcj * gg * i * (1.0 - i);
                    dI[hid + j] = dcj * c[prev + j] * f * (1.0 - f);
                    dI[2 * hid + j] = dcj * i * (1.0 - gg * gg);
                    dI[3 * hid + j] = dh[j] * tc * o * (1.0 - o);
                    dcPrev[j] = dcj * f;
                }
                dH = dI;
                Arrays.fill(dhPrev, 0.0);
            }
            case GRU -> {
                for (int j = 0; j < hid; j++) {
                    double r = act[aOff + j];
                    double z = act[aOff + hid + j];
                    double n = act[aOff + 2 * hid + j];
                    double hpj = h[prev + j];
                    double dpn = dh[j] * (1.0 - z) * (1.0 - n * n);
                    double dpz = dh[j] * (hpj - n) * z * (1.0 - z);
                    double dpr = dpn * hn[prev + j] * r * (1.0 - r);
                    dI[j] = dpr;
                    dI[hid + j] = dpz;
                    dI[2 * hid + j] = dpn;
                    dH[j] = dpr;
                    dH[hid + j] = dpz;
                    dH[2 * hid + j] = dpn * r;
                    dhPrev[j] = dh[j] * z;
                }
            }
        }
        double[] p = w.p;
        // dW_ih += dPreI x_tᵀ ; db_ih += dPreI
        for (int k = 0; k < in; k++) {
            double v = x[xRow + k];
            if (v != 0) {
                for (int j = 0; j < g; j++) {
                    grad[j * in + k] += dI[j] * v;
                }
            }
        }
        int bih = net.offBih();
        int bhh = net.offBhh();
        for (int j = 0; j < g; j++) {
            grad[bih + j] += dI[j];
            grad[bhh + j] += dH[j];
        }
        // dW_hh += dPreH h_{t-1}ᵀ and dh_{t-1} += W_hhᵀ dPreH, row by row of W_hh
        int whh = net.offWhh();
        for (int j = 0; j < g; j++) {
            double d = dH[j];
            int row = whh + j * hid;
            for (int k = 0; k < hid; k++) {
                grad[row + k] += d * h[prev + k];
                dhPrev[k] += p[row + k] * d;
            }
        }
    }

    private static void axpy(double a, double[] xs, int xOff, double[] ys, int n) {
        for (int j = 0; j < n; j++) {
            ys[j] += a * xs[xOff + j];
        }
    }
}
