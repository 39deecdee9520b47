package org.unrolled.engine;

/** The per-step losses of the spec and their gradients with respect to {@code y_t}. */
final class Losses {
    private Losses() {
    }

    /**
     * {@code ℓ = ½ ‖y − target‖²}; writes {@code dℓ/dy = y − target} into {@code grad} at
     * {@code gOff}.
     */
    static double mse(double[] y, int yOff, double[] target, int tOff, int n, double[] grad, int gOff) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double d = y[yOff + i] - target[tOff + i];
            grad[gOff + i] = d;
            sum += d * d;
        }
        return 0.5 * sum;
    }

    /**
     * {@code ℓ = −log softmax(y)[k] = logsumexp(y) − y_k}, computed with the maximum subtracted so that
     * large finite logits do not overflow; writes {@code dℓ/dy = softmax(y) − e_k} into {@code grad}.
     */
    static double crossEntropy(double[] y, int yOff, int n, int k, double[] grad, int gOff) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, y[yOff + i]);
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double e = Math.exp(y[yOff + i] - max);
            grad[gOff + i] = e;
            sum += e;
        }
        for (int i = 0; i < n; i++) {
            grad[gOff + i] = grad[gOff + i] / sum - (i == k ? 1.0 : 0.0);
        }
        // the same order as PyTorch's log_softmax: (y_k − max) − log Σ exp(y − max)
        return -((y[yOff + k] - max) - Math.log(sum));
    }

    /** Index of the largest entry, the lowest on a tie; a NaN counts as largest (as torch.argmax). */
    static int argmax(double[] y, int yOff, int n) {
        int best = 0;
        for (int i = 0; i < n; i++) {
            double v = y[yOff + i];
            if (Double.isNaN(v)) {
                return i;
            }
            if (v > y[yOff + best]) {
                best = i;
            }
        }
        return best;
    }
}
