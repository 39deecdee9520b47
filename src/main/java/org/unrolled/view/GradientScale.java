package org.unrolled.view;

import org.unrolled.engine.SequenceTrace;
import org.unrolled.engine.Trace;

/**
 * Maps a gradient norm to 0..1 on a log scale spanning the trace's own smallest and largest finite
 * norms (at least two decades), so that vanishing and exploding gradients both show as a trend.
 */
public record GradientScale(double minLog, double maxLog) {

    public static GradientScale of(Trace trace) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (SequenceTrace s : trace.hasEncoder() ? new SequenceTrace[] {trace.encoder(), trace.steps()}
                : new SequenceTrace[] {trace.steps()}) {
            for (int t = 1; t <= s.length(); t++) {
                double[] norms = s.cell().hasCellState() ? new double[] {s.dLdhNorm(t), s.dLdcNorm(t)}
                        : new double[] {s.dLdhNorm(t)};
                for (double n : norms) {
                    if (n > 0 && Double.isFinite(n)) {
                        lo = Math.min(lo, Math.log10(n));
                        hi = Math.max(hi, Math.log10(n));
                    }
                }
            }
        }
        if (lo > hi) {
            return new GradientScale(-3, 0);
        }
        if (hi - lo < 2) {
            double mid = (hi + lo) / 2;
            return new GradientScale(mid - 1, mid + 1);
        }
        return new GradientScale(lo, hi);
    }

    /** 0..1 for a finite norm, 0 for zero; NaN for an overflow (infinite or NaN). */
    public double position(double norm) {
        if (!Double.isFinite(norm)) {
            return Double.NaN;
        }
        if (norm <= 0) {
            return 0;
        }
        return Math.max(0, Math.min(1, (Math.log10(norm) - minLog) / (maxLog - minLog)));
    }
}
