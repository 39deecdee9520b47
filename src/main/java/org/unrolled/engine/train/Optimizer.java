package org.unrolled.engine.train;

/**
 * Updates a flat parameter vector from its gradient: SGD ({@code w ← w − η g}) or Adam (Kingma &amp;
 * Ba, with PyTorch's defaults β₁ = 0.9, β₂ = 0.999, ε = 10⁻⁸ and its bias correction). The gradient's
 * global norm is first clipped to {@code clip} (≤ 0: no clipping), as {@code clip_grad_norm_}.
 */
public final class Optimizer {
    /** The rule. */
    public enum Kind { SGD, ADAM }

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPS = 1e-8;

    private final Kind kind;
    private final double learningRate;
    private final double clip;
    private final double[] m;
    private final double[] v;
    private int steps;

    public Optimizer(Kind kind, double learningRate, double clip, int size) {
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("the learning rate must be a positive number, got " + learningRate);
        }
        this.kind = kind;
        this.learningRate = learningRate;
        this.clip = clip;
        this.m = new double[size];
        this.v = new double[size];
    }

    /** Updates done so far. */
    public int steps() {
        return steps;
    }

    /**
     * One update of {@code w} from {@code grad} (which is scaled in place when clipped). Returns the
     * gradient's global norm before clipping.
     */
    public double step(double[] w, double[] grad) {
        double sq = 0;
        for (double x : grad) {
            sq += x * x;
        }
        double norm = Math.sqrt(sq);
        if (clip > 0 && norm > clip) {
            double scale = clip / norm;
            for (int i = 0; i < grad.length; i++) {
                grad[i] *= scale;
            }
        }
        steps++;
        if (kind == Kind.SGD) {
            for (int i = 0; i < w.length; i++) {
                w[i] -= learningRate * grad[i];
            }
            return norm;
        }
        double c1 = 1 - Math.pow(BETA1, steps);
        double c2 = 1 - Math.pow(BETA2, steps);
        for (int i = 0; i < w.length; i++) {
            double gi = grad[i];
            m[i] = BETA1 * m[i] + (1 - BETA1) * gi;
            v[i] = BETA2 * v[i] + (1 - BETA2) * gi * gi;
            // w ← w − η m̂ / (√v̂ + ε), m̂ = m / (1 − β₁ᵗ), v̂ = v / (1 − β₂ᵗ)
            w[i] -= learningRate * (m[i] / c1) / (Math.sqrt(v[i] / c2) + EPS);
        }
        return norm;
    }
}
