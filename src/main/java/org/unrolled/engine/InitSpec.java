package org.unrolled.engine;

/**
 * A request for seeded random weights: every parameter uniform in {@code [-scale, scale]}.
 *
 * @param seed  the generator's seed; the same seed gives the same weights everywhere
 * @param scale half-width of the interval; {@code NaN} means PyTorch's default {@code 1/√H}
 */
public record InitSpec(long seed, double scale) {

    public static InitSpec withDefaultScale(long seed) {
        return new InitSpec(seed, Double.NaN);
    }

    public boolean hasExplicitScale() {
        return !Double.isNaN(scale);
    }

    /** The half-width used for a cell of hidden size {@code hiddenSize}. */
    public double effectiveScale(int hiddenSize) {
        return hasExplicitScale() ? scale : 1.0 / Math.sqrt(hiddenSize);
    }
}
