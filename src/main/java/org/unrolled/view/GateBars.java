package org.unrolled.view;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.text.TextAlignment;
import org.unrolled.engine.Trace;
import org.unrolled.view.draw.Pen;

/**
 * A gate's values in an opened cell, with their numbers whenever the numbers fit at a legible size. Few
 * units: one upright bar per unit with its value over it (see {@link SquaresPainter#bars}). When the
 * upright bars are too narrow for their numbers (a hidden size of 4 and more, a small window, a compare
 * window's short rows) the bars lie across instead, one row per unit, each with its value at the row's
 * end; when even that leaves no room, the upright bars are drawn without numbers. Every bar can be
 * pointed at for its card either way.
 */
final class GateBars {
    /**
     * The smallest number printed: presentation mode's floor, so that what is printed reads from the back
     * row in the window and in presentation alike.
     */
    static final double MIN_TEXT = 14;
    /** The largest. */
    static final double MAX_TEXT = 18;

    private final Pen gc;
    private final Palette palette;
    private final List<Hit> hits;
    private final SquaresPainter upright;

    GateBars(Pen gc, Palette palette, List<Hit> hits, SquaresPainter upright) {
        this.gc = gc;
        this.palette = palette;
        this.hits = hits;
        this.upright = upright;
    }

    /** Draws {@code ref}'s values in {@code box} as bars over {@code lo..hi}, upright or across. */
    void draw(VectorRef ref, Trace trace, Rect box, double lo, double hi, boolean known) {
        double[] values = ref.values(trace);
        if (values == null) {
            return;
        }
        double minText = MIN_TEXT;
        double widest = widest(values, minText);
        boolean uprightNumbers = box.w() / values.length - 4 >= widest;
        if (uprightNumbers || !known || !across(ref, values, box, lo, hi, minText)) {
            upright.bars(ref, trace, box, lo, hi, known);
        }
    }

    /** The widest of the values' numbers, bold at {@code size}. */
    private static double widest(double[] values, double size) {
        double w = 0;
        for (double v : values) {
            w = Math.max(w, Measure.textWidth(Numbers.compact(v), size, true));
        }
        return w;
    }

    /** The bars across, one row per unit with its number; false (and nothing drawn) when they do not fit. */
    private boolean across(VectorRef ref, double[] values, Rect box, double lo, double hi, double minText) {
        int n = values.length;
        double row = box.h() / n;
        double size = Math.min(MAX_TEXT * palette.scale(), row * 0.78);
        if (size < minText) {
            return false;
        }
        double wide = widest(values, size) + 6;
        if (wide > 0.6 * box.w()) {
            // smaller numbers, down to the floor, so that the bars keep some length beside them
            size = Math.max(minText, size * (0.6 * box.w() - 6) / (wide - 6));
        }
        double textW = widest(values, size) + 6;
        double barW = box.w() - textW;
        if (barW < 10) {
            return false;
        }
        gc.setFill(palette.plate());
        gc.fillRect(box.x(), box.y(), box.w(), box.h());
        double zero = box.x() + barW * (0 - lo) / (hi - lo);
        gc.setStroke(palette.mutedText());
        gc.setLineWidth(1);
        gc.strokeLine(zero, box.y(), zero, box.bottom());
        gc.setFont(Fonts.bold(size));
        gc.setTextAlign(TextAlignment.RIGHT);
        gc.setTextBaseline(VPos.CENTER);
        double pad = Math.min(3, row * 0.15);
        for (int i = 0; i < n; i++) {
            double v = values[i];
            double y = box.y() + i * row;
            double clamped = Double.isNaN(v) ? 0 : Math.max(lo, Math.min(hi, v));
            double end = box.x() + barW * (clamped - lo) / (hi - lo);
            gc.setFill(palette.signed(v, 1.0));
            gc.fillRect(Math.min(zero, end), y + pad, Math.abs(end - zero), row - 2 * pad);
            gc.setFill(palette.text());
            gc.fillText(Numbers.compact(v), box.right() - 3, y + row / 2);
            hits.add(new Hit(ref, i, new Rect(box.x(), y, box.w(), row)));
        }
        gc.setStroke(palette.cellStroke());
        gc.strokeRect(box.x(), box.y(), box.w(), box.h());
        return true;
    }
}
