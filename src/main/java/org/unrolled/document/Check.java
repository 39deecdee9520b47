package org.unrolled.document;

import java.util.List;

/**
 * A claim a lesson beat makes about the numbers, in a form a test (and the window, after a what-if
 * change) can evaluate against the trace: see {@link Checks}. Quantities are written as strings such
 * as {@code "h[2][0]"} or {@code "norm(dL_dh_next[t])"} and read by {@link Quantity}.
 *
 * <p>{@link #claim()} is the text of the caption that the check backs (empty when it backs none).
 */
public sealed interface Check {
    String claim();

    /** Limits on a number: near {@code near} within {@code within}, and/or strictly above / below. */
    record Bound(Double near, Double within, Double above, Double below) {
        public Bound {
            if (near == null && above == null && below == null) {
                throw new IllegalArgumentException("a bound needs near, above or below");
            }
            if (near != null && within == null) {
                throw new IllegalArgumentException("near needs within");
            }
        }

        public boolean holds(double v) {
            if (Double.isNaN(v)) {
                return false;
            }
            return (near == null || Math.abs(v - near) <= within) && (above == null || v > above)
                    && (below == null || v < below);
        }

        /** "near 0.5 (± 0.05)", "above 1", "above 0.1 and below 0.9". */
        public String describe() {
            StringBuilder b = new StringBuilder();
            if (near != null) {
                b.append("near ").append(Numbers.plain(near)).append(" (± ").append(Numbers.plain(within)).append(')');
            }
            if (above != null) {
                b.append(b.length() > 0 ? " and " : "").append("above ").append(Numbers.plain(above));
            }
            if (below != null) {
                b.append(b.length() > 0 ? " and " : "").append("below ").append(Numbers.plain(below));
            }
            return b.toString();
        }
    }

    /** A scalar quantity within a bound. */
    record Value(String claim, String of, Bound bound) implements Check {
    }

    /** {@code numerator / denominator} within a bound. */
    record Ratio(String claim, String numerator, String denominator, Bound bound) implements Check {
    }

    /**
     * The most likely class of an output vector is (or, {@code negated}, is not) {@code is}: a class
     * index, an output word, or {@code "target"} (the step's target class).
     */
    record Argmax(String claim, String of, String is, boolean negated) implements Check {
    }

    /** Whether a vector exists at that step (e.g. whether a step has an output). */
    record Exists(String claim, String of, boolean is) implements Check {
    }

    /** Re-runs the sequence with a state (or one component) set to zero after its step, then checks. */
    record Ablate(String claim, String zero, Check then) implements Check {
    }

    /** Every one of the checks. */
    record All(String claim, List<Check> of) implements Check {
        public All {
            of = List.copyOf(of);
        }
    }

    /** {@code each} for every step from {@code from} to {@code to} (index expressions, e.g. "1", "T-1"). */
    record Steps(String claim, String from, String to, Check each) implements Check {
    }

    /**
     * The scenario's training record: every held-out score measured after between {@code from} and
     * {@code to} training sequences (inclusive) lies within the bound; with {@code seconds}, the training
     * time at those points instead.
     */
    record History(String claim, long from, long to, boolean seconds, Bound bound) implements Check {
    }

    /** {@code then} evaluated on another shipped sample (a comparison a lesson draws with it). */
    record Sample(String claim, String sample, Check then) implements Check {
    }

    /**
     * Short number formatting for messages, without pulling in the view's formatter, written as the picture
     * writes its numbers: the minus sign −, and an exponent without a plus or leading zeros (3.47e−10, 1.18e16).
     */
    final class Numbers {
        private Numbers() {
        }

        public static String plain(double v) {
            String s;
            double a = Math.abs(v);
            if (v == Math.rint(v) && a < 1e15) {
                s = Long.toString((long) v);
            } else if (a != 0 && (a < 1e-3 || a >= 1e6)) {
                s = String.format(java.util.Locale.ROOT, "%.3g", v).replace("e+", "e").replaceAll("e(-?)0+(\\d)", "e$1$2");
            } else {
                s = String.format(java.util.Locale.ROOT, "%.4g", v).replaceAll("0+$", "").replaceAll("\\.$", "");
            }
            return s.replace('-', '−');
        }
    }
}
