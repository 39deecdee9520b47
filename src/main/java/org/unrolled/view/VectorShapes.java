package org.unrolled.view;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One shape per kind of vector in a frame: every h (h₀, each h_t, the context C) is drawn as the same
 * grid of squares, and so is every c, every x, and every y with its target, however wide the box it sits
 * in (the opened step's boxes are wider than the others). The shape is the one whose squares are largest
 * in the narrowest box of the kind; among shapes nearly as good there (within 15 %), the one whose squares
 * are largest in the widest box, where the opened step prints its numbers. If that box would then print
 * none, a shape that lets it print them is taken, as long as the narrowest squares keep half their size.
 */
final class VectorShapes {
    /** Kinds drawn alike: a target as its output, the context C as an h. */
    static VectorRef.Kind group(VectorRef.Kind kind) {
        return kind == VectorRef.Kind.TARGET ? VectorRef.Kind.Y : kind;
    }

    private final Map<VectorRef.Kind, List<Rect>> boxes = new EnumMap<>(VectorRef.Kind.class);
    private final Map<VectorRef.Kind, Integer> columns = new EnumMap<>(VectorRef.Kind.class);

    /** Notes that a vector of {@code kind} will be drawn in {@code box}. */
    void add(VectorRef.Kind kind, Rect box) {
        if (box.w() >= 2 && box.h() >= 2) {
            boxes.computeIfAbsent(group(kind), k -> new ArrayList<>()).add(box);
        }
    }

    /**
     * Decides each kind's number of columns for vectors of {@code n} values, squares at most {@code max} wide;
     * {@code numbers} is the smallest square that prints its number.
     */
    void decide(VectorRef.Kind kind, int n, double max, double numbers) {
        List<Rect> list = boxes.get(group(kind));
        if (list == null || n < 1) {
            return;
        }
        double[] smallest = new double[n + 1];
        double[] largest = new double[n + 1];
        double bestSmallest = 0;
        for (int cols = 1; cols <= n; cols++) {
            int rows = (n + cols - 1) / cols;
            double lo = Double.POSITIVE_INFINITY;
            double hi = 0;
            for (Rect b : list) {
                double s = Math.min(max, Math.min(b.w() / cols, b.h() / rows));
                lo = Math.min(lo, s);
                hi = Math.max(hi, s);
            }
            smallest[cols] = lo;
            largest[cols] = hi;
            bestSmallest = Math.max(bestSmallest, lo);
        }
        int chosen = 0;
        for (int cols = 1; cols <= n; cols++) {
            boolean nearlyBest = smallest[cols] >= 0.85 * bestSmallest - 1e-9;
            if (nearlyBest && (chosen == 0 || largest[cols] > largest[chosen] + 1e-9
                    || (Math.abs(largest[cols] - largest[chosen]) <= 1e-9 && smallest[cols] > smallest[chosen]))) {
                chosen = cols;
            }
        }
        if (largest[chosen] < numbers) {
            // the widest box would print no numbers: a shape that lets it, if the narrowest keep half their size
            int readable = 0;
            for (int cols = 1; cols <= n; cols++) {
                if (largest[cols] >= numbers && smallest[cols] >= 0.5 * bestSmallest - 1e-9
                        && (readable == 0 || smallest[cols] > smallest[readable])) {
                    readable = cols;
                }
            }
            chosen = readable == 0 ? chosen : readable;
        }
        columns.put(group(kind), chosen);
    }

    /** The columns for {@code kind}, or 0 when not decided (then a vector fits its own box). */
    int columns(VectorRef.Kind kind) {
        return columns.getOrDefault(group(kind), 0);
    }
}
