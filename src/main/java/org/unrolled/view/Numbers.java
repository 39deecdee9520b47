package org.unrolled.view;

import java.util.Locale;

/** How numbers are printed on the canvas and in explanations: short, and honest about overflow. */
public final class Numbers {
    private Numbers() {
    }

    /** About three significant figures: {@code 0.39}, {@code -1.25}, {@code 12.5}, {@code 3.1e-5}, {@code ∞}. */
    public static String format(double v) {
        if (!Double.isFinite(v)) {
            return nonFinite(v);
        }
        double a = Math.abs(v);
        String s;
        if (a == 0) {
            s = "0";
        } else if (a < 1e-2 || a >= 1e5) {
            s = String.format(Locale.ROOT, "%.1e", v).replace("e-0", "e-").replace("e+0", "e").replace("e+", "e");
        } else if (a < 10) {
            s = String.format(Locale.ROOT, "%.2f", v);
        } else if (a < 1000) {
            s = String.format(Locale.ROOT, "%.1f", v);
        } else {
            s = String.format(Locale.ROOT, "%.0f", v);
        }
        return s.replace('-', '−');
    }

    private static String nonFinite(double v) {
        return Double.isNaN(v) ? "NaN" : v > 0 ? "∞" : "−∞";
    }

    /** Two decimals at most, for the small squares: {@code .39}, {@code −.25}, {@code 1.2}. */
    public static String compact(double v) {
        if (!Double.isFinite(v)) {
            return nonFinite(v);
        }
        double a = Math.abs(v);
        String s;
        if (a < 0.005) {
            s = "0";
        } else if (a < 1) {
            s = String.format(Locale.ROOT, "%.2f", v).replace("0.", ".");
        } else if (a < 10) {
            s = String.format(Locale.ROOT, "%.1f", v);
        } else if (a < 1000) {
            s = String.format(Locale.ROOT, "%.0f", v);
        } else {
            s = String.format(Locale.ROOT, "%.0e", v).replace("e+0", "e").replace("e+", "e");
        }
        return s.replace('-', '−');
    }

    /** A size in bytes for people: "812 bytes", "12.4 kB", "80.6 MB" (powers of 1000). */
    public static String bytes(long n) {
        if (n < 1000) {
            return n + " bytes";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double v = n;
        int u = -1;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return String.format(java.util.Locale.ROOT, v < 100 ? "%.1f %s" : "%.0f %s", v, units[u]);
    }
}
