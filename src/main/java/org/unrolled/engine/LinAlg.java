package org.unrolled.engine;

/**
 * The few dense kernels the engine needs, on row-major arrays with offsets so that they read and
 * write rows of a trace in place. Each method adds into its output; none allocates.
 */
public final class LinAlg {
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
        int i = 0;
        // Four rows per pass over y: a quarter of the loads and stores of y, and a long enough body.
        for (; i + 3 < rows; i += 4) {
            double a0 = v[vOff + i];
            double a1 = v[vOff + i + 1];
            double a2 = v[vOff + i + 2];
            double a3 = v[vOff + i + 3];
            int b0 = (rowFrom + i) * cols;
            int b1 = b0 + cols;
            int b2 = b1 + cols;
            int b3 = b2 + cols;
            for (int j = 0; j < cols; j++) {
                y[yOff + j] += a0 * w[b0 + j] + a1 * w[b1 + j] + a2 * w[b2 + j] + a3 * w[b3 + j];
            }
        }
        for (; i < rows; i++) {
            double a = v[vOff + i];
            int base = (rowFrom + i) * cols;
            for (int j = 0; j < cols; j++) {
                y[yOff + j] += a * w[base + j];
            }
        }
    }

    /**
     * Sum of outer products over time, accumulated transposed:
     * {@code Gᵀ[j, rowFrom + i] += Σ_t R[t, j] · D[t, colFrom + i]} for {@code i < rows},
     * {@code j < cols}, {@code t < steps}, where {@code gT} has row stride {@code gStride}, D has row
     * stride {@code dStride} and R has {@code cols} columns starting at {@code rOff}. This is the
     * weight gradient {@code dW += Σ_t dpre_t · input_tᵀ} as one blocked product: the innermost loop
     * runs along a gradient row of D (long and contiguous, so vectorised), and a block of time steps
     * is reused while it is in cache. Modifies {@code gT} only.
     */
    static void accumulateOuterTransposed(double[] gT, int gStride, int rowFrom, int rows, int cols,
            double[] d, int dStride, int colFrom, double[] r, int rOff, int steps) {
        for (int t0 = 0; t0 < steps; t0 += TIME_BLOCK) {
            int t1 = Math.min(steps, t0 + TIME_BLOCK);
            for (int j = 0; j < cols; j++) {
                int gBase = j * gStride + rowFrom;
                int t = t0;
                // No skipping of a == 0: 0 · ∞ must give NaN, as it does in PyTorch.
                for (; t + 3 < t1; t += 4) {
                    double a0 = r[rOff + t * cols + j];
                    double a1 = r[rOff + (t + 1) * cols + j];
                    double a2 = r[rOff + (t + 2) * cols + j];
                    double a3 = r[rOff + (t + 3) * cols + j];
                    int d0 = t * dStride + colFrom;
                    int d1 = d0 + dStride;
                    int d2 = d1 + dStride;
                    int d3 = d2 + dStride;
                    for (int i = 0; i < rows; i++) {
                        gT[gBase + i] += a0 * d[d0 + i] + a1 * d[d1 + i] + a2 * d[d2 + i] + a3 * d[d3 + i];
                    }
                }
                for (; t < t1; t++) {
                    double a = r[rOff + t * cols + j];
                    int dBase = t * dStride + colFrom;
                    for (int i = 0; i < rows; i++) {
                        gT[gBase + i] += a * d[dBase + i];
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

    /**
     * {@code y[yOff + i] += Σ_j x[xOff + j] · Wᵀ[j, colFrom + i]} for {@code i < n}, {@code j < len},
     * where {@code wT} is a weight matrix stored transposed with row stride {@code stride}: the
     * product {@code W x} as a sum of scaled rows of {@code Wᵀ}, a form the JIT vectorises (a dot
     * product per output is not). Modifies {@code y} only.
     */
    static void multAddByColumns(double[] wT, int stride, int colFrom, int n, double[] x, int xOff, int len,
            double[] y, int yOff) {
        int j = 0;
        for (; j + 3 < len; j += 4) {
            double a0 = x[xOff + j];
            double a1 = x[xOff + j + 1];
            double a2 = x[xOff + j + 2];
            double a3 = x[xOff + j + 3];
            int b0 = j * stride + colFrom;
            int b1 = b0 + stride;
            int b2 = b1 + stride;
            int b3 = b2 + stride;
            for (int i = 0; i < n; i++) {
                y[yOff + i] += a0 * wT[b0 + i] + a1 * wT[b1 + i] + a2 * wT[b2 + i] + a3 * wT[b3 + i];
            }
        }
        for (; j < len; j++) {
            double a = x[xOff + j];
            int base = j * stride + colFrom;
            for (int i = 0; i < n; i++) {
                y[yOff + i] += a * wT[base + i];
            }
        }
    }

    /** The transpose of a {@code rows × cols} row-major matrix, row-major. */
    static double[] transpose(double[] w, int rows, int cols) {
        double[] t = new double[w.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t[j * rows + i] = w[i * cols + j];
            }
        }
        return t;
    }

    public static double sigmoid(double v) {
        return 1.0 / (1.0 + Math.exp(-v));
    }

    // tanh for |x| < 0.625 as x + x·z·P(z)/Q(z), z = x² (the rational form of the Cephes library,
    // relative error about 2e-16); beyond, from exp, where 1 − 2/(e^{2|x|} + 1) loses nothing.
    private static final double P0 = -9.64399179425052238628E-1;
    private static final double P1 = -9.92877231001918586564E1;
    private static final double P2 = -1.61468768441708447952E3;
    private static final double Q1 = 1.12811678491632931402E2;
    private static final double Q2 = 2.23548839060100448583E3;
    private static final double Q3 = 4.84406305325125486048E3;

    /**
     * The hyperbolic tangent, within a few units in the last place of {@link Math#tanh}, several times
     * faster on Java 17 (where {@code Math.tanh} is a native call): the engine calls it millions of
     * times per recompute.
     */
    public static double tanh(double x) {
        double a = Math.abs(x);
        if (a < 0.625) {
            double z = x * x;
            return x + x * z * ((P0 * z + P1) * z + P2) / (((z + Q1) * z + Q2) * z + Q3);
        }
        if (a > 22) {
            return Math.copySign(1.0, x); // |tanh| rounds to 1 here
        }
        double r = 1.0 - 2.0 / (Math.exp(2.0 * a) + 1.0);
        return Math.copySign(r, x); // NaN stays NaN: NaN > 22 and NaN < 0.625 are both false
    }
}
