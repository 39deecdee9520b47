package org.unrolled.view;

import java.util.List;
import org.unrolled.engine.SequenceTrace;
import org.unrolled.engine.Trace;

/**
 * Maps a gradient norm to 0..1 on a log scale spanning the traces' own smallest and largest finite
 * norms (at least two decades), so that vanishing and exploding gradients both show as a trend.
 */
public record GradientScale(double minLog, double maxLog) {

    /** Scales already computed, by the trace's identity (traces are immutable): one scan of T steps per trace. */
    private static final org.unrolled.engine.IdentityCache<Trace, GradientScale> CACHE =
            new org.unrolled.engine.IdentityCache<>(16);

    public static GradientScale of(Trace trace) {
        return CACHE.computeIfAbsent(trace, t -> of(List.of(t)));
    }

    /** One scale for several traces, so that their norms can be compared on one axis. */
    public static GradientScale of(List<Trace> traces) {
        double[] range = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (Trace trace : traces) {
            if (trace.hasEncoder()) {
                include(trace.encoder(), range);
            }
            include(trace.steps(), range);
        }
        double lo = range[0];
        double hi = range[1];
        if (lo > hi) {
            return new GradientScale(-3, 0);
        }
        if (hi - lo < 2) {
            double mid = (hi + lo) / 2;
            return new GradientScale(mid - 1, mid + 1);
        }
        return new GradientScale(lo, hi);
    }

    private static void include(SequenceTrace s, double[] range) {
        for (int t = 1; t <= s.length(); t++) {
            include(s.dLdhNorm(t), range);
            if (s.cell().hasCellState()) {
                include(s.dLdcNorm(t), range);
            }
        }
    }

    private static void include(double norm, double[] range) {
        if (norm > 0 && Double.isFinite(norm)) {
            range[0] = Math.min(range[0], Math.log10(norm));
            range[1] = Math.max(range[1], Math.log10(norm));
        }
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
