package org.unrolled.engine;

/**
 * The few dense kernels the engine needs, on row-major arrays with offsets so that they read and
 * write rows of a trace in place. Each method adds into its output; none allocates.
 */
final class LinAlg {
    /** Rows of {@code t} processed together in {@link #accumulateOuter}, so that they stay in cache. */
    private static final int TIME_BLOCK = 32;

    private LinAlg() {
    }

    /**
     * {@code y[yOff + i] += Σ_j W[rowFrom + i, j] · x[xOff + j]} for {@code i < rows}, where W has
     * {@code cols} columns. Modifies {@code y} only.
     */
    static void multAdd(double[] w, int rowFrom, int rows, int cols, double[] x, int xOff, double[] y, int yOff) {
        for (int i = 0; i < rows; i++) {
            int base = (rowFrom + i) * cols;
            // Two partial sums break the dependency chain of one long sum of products.
            double s0 = 0;
            double s1 = 0;
            int j = 0;
            for (; j + 1 < cols; j += 2) {
                s0 += w[base + j] * x[xOff + j];
                s1 += w[base + j + 1] * x[xOff + j + 1];
            }
            if (j < cols) {
                s0 += w[base + j] * x[xOff + j];
            }
            y[yOff + i] += s0 + s1;
        }
    }

    /**
     * {@code y[yOff + j] += Σ_i W[rowFrom + i, j] · v[vOff + i]} for {@code i < rows}: the transposed
     * product used by the backward pass. Modifies {@code y} only.
     */
    static void multTransAdd(double[] w, int rowFrom, int rows, int cols, double[] v, int vOff, double[] y, int yOff) {
        for (int i = 0; i < rows; i++) {
            double a = v[vOff + i];
            int base = (rowFrom + i) * cols;
            for (int j = 0; j < cols; j++) {
                y[yOff + j] += a * w[base + j];
            }
        }
    }

    /**
     * Sum of outer products over time: {@code G[rowFrom + i, j] += Σ_t D[t, colFrom + i] · R[t, j]}
     * for {@code i < rows}, {@code t < steps}, {@code j < cols}, where D has row stride
     * {@code dStride} and R has {@code cols} columns starting at {@code rOff}. This is the weight
     * gradient {@code dW += Σ_t dpre_t · input_tᵀ}, done as one blocked product instead of a
     * rank-one update per step. Modifies {@code g} only.
     */
    static void accumulateOuter(double[] g, int rowFrom, int rows, int cols,
            double[] d, int dStride, int colFrom, double[] r, int rOff, int steps) {
        for (int t0 = 0; t0 < steps; t0 += TIME_BLOCK) {
            int t1 = Math.min(steps, t0 + TIME_BLOCK);
            for (int i = 0; i < rows; i++) {
                int gBase = (rowFrom + i) * cols;
                for (int t = t0; t < t1; t++) {
                    // No skipping of a == 0: 0 · ∞ must give NaN, as it does in PyTorch.
                    double a = d[t * dStride + colFrom + i];
                    int rBase = rOff + t * cols;
                    for (int j = 0; j < cols; j++) {
                        g[gBase + j] += a * r[rBase + j];
                    }
                }
            }
        }
    }

    /** {@code b[bOff + i] += Σ_t D[t, colFrom + i]}: a bias gradient. Modifies {@code b} only. */
    static void accumulateRows(double[] b, int bOff, int n, double[] d, int dStride, int colFrom, int steps) {
        for (int t = 0; t < steps; t++) {
            int base = t * dStride + colFrom;
            for (int i = 0; i < n; i++) {
                b[bOff + i] += d[base + i];
            }
        }
    }

    static double sigmoid(double v) {
        return 1.0 / (1.0 + Math.exp(-v));
    }
}
