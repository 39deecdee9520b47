package org.unrolled.engine.train;

/**
 * A network's parameters at one moment, with the transposed copies the forward products read
 * ({@code W_ihᵀ}, {@code W_hhᵀ}, so that they run as contiguous row sums). Made once per update and
 * read by every worker thread; never written after construction.
 */
final class Snapshot {
    final Net net;
    final double[] p;
    final double[] wihT;
    final double[] whhT;

    Snapshot(Net net, double[] parameters) {
        this.net = net;
        this.p = parameters.clone();
        int g = net.gateRows();
        int in = net.inputSize();
        int h = net.hiddenSize();
        wihT = new double[in * g];
        whhT = new double[h * g];
        for (int j = 0; j < g; j++) {
            for (int k = 0; k < in; k++) {
                wihT[k * g + j] = p[j * in + k];
            }
            for (int k = 0; k < h; k++) {
                whhT[k * g + j] = p[net.offWhh() + j * h + k];
            }
        }
    }
}
