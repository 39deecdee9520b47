package org.unrolled.engine.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.unrolled.document.Beat;
import org.unrolled.document.Highlight;
import org.unrolled.document.TrainingRecord;
import org.unrolled.engine.CellType;
import org.unrolled.engine.Engine;
import org.unrolled.engine.JsonNamed;
import org.unrolled.engine.Scenario;
import org.unrolled.engine.SequenceTrace;

/**
 * The numbers the race samples' lessons speak of, taken from the engine's trace and the training
 * history, and their formatting. {@link RaceSampleMaker} writes beats from them; the sample tests
 * recompute each and find it in the captions.
 */
final class RaceLessons {
    private RaceLessons() {
    }

    /** The adding problem's two marked steps (1-based) and values of a scenario's sequence. */
    record Markers(int first, int second, double u1, double u2) {
    }

    static Markers markers(Scenario s) {
        int first = -1;
        int second = -1;
        for (int t = 1; t <= s.inputCount(); t++) {
            if (s.inputs().get(t - 1, 1) == 1) {
                if (first < 0) {
                    first = t;
                } else {
                    second = t;
                }
            }
        }
        return new Markers(first, second, s.inputs().get(first - 1, 0), s.inputs().get(second - 1, 0));
    }

    /** The order task's two A/B steps (1-based) and symbols (0 = A, 1 = B). */
    record Symbols(int first, int second, int a, int b) {
    }

    static Symbols symbols(Scenario s) {
        List<int[]> found = new ArrayList<>();
        for (int t = 1; t <= s.inputCount(); t++) {
            for (int j = 0; j < 2; j++) {
                if (s.inputs().get(t - 1, j) == 1) {
                    found.add(new int[] {t, j});
                }
            }
        }
        return new Symbols(found.get(0)[0], found.get(1)[0], found.get(0)[1], found.get(1)[1]);
    }

    static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    /** ‖∂L/∂h_t‖, or for an LSTM ‖∂L/∂c_t‖. */
    static double carried(SequenceTrace steps, CellType cell, int t) {
        return norm(cell == CellType.LSTM ? steps.dLdc(t) : steps.dLdh(t));
    }

    /** Two significant digits, "2.3e-5" or "0.41". */
    static String sci(double v) {
        if (v >= 0.01 && v < 100) {
            return String.format(Locale.ROOT, "%.2g", v);
        }
        String s = String.format(Locale.ROOT, "%.1e", v);
        return s.replace("e-0", "e-").replace("e+0", "e").replace("e+", "e");
    }

    static String f3(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    static String f4(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** The last evaluation still near the baseline and the next one, for a network that broke away. */
    record Breakthrough(History.Point before, History.Point after) {
    }

    /**
     * For RMSE: the first point below {@code leave} and the point before it; for accuracy, the first
     * point above it. Null if the curve never leaves.
     */
    static Breakthrough breakthrough(TrainingRecord r, double leave) {
        List<History.Point> h = r.history();
        boolean rmse = r.score().equals("rmse");
        for (int k = 1; k < h.size(); k++) {
            double s = h.get(k).score();
            if (rmse ? s < leave : s > leave) {
                return new Breakthrough(h.get(k - 1), h.get(k));
            }
        }
        return null;
    }

    /** The lowest and highest score between the first evaluation after the start and {@code until} (inclusive). */
    static double[] range(TrainingRecord r, long until) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (History.Point p : r.history()) {
            if (p.sequences() > 0 && p.sequences() <= until) {
                lo = Math.min(lo, p.score());
                hi = Math.max(hi, p.score());
            }
        }
        return new double[] {lo, hi};
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }

    static double[] softmax(double[] y) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : y) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] p = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            p[i] = Math.exp(y[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < y.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    static Beat beat(int step, boolean backward, String caption, String... highlight) {
        return new Beat(step, backward, caption, java.util.Arrays.stream(highlight)
                .map(n -> JsonNamed.parse(Highlight.class, n).orElseThrow()).toList());
    }

    static SequenceTrace trace(Scenario s) {
        return Engine.run(s).steps();
    }
}
