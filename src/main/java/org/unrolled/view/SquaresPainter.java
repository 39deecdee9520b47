package org.unrolled.view;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.text.TextAlignment;
import org.unrolled.engine.Trace;
import org.unrolled.view.draw.Pen;

/** Draws vectors as grids of coloured squares, with their numbers where there is room. */
final class SquaresPainter {
    /** Largest square, so that a short vector does not fill a whole box. */
    static final double MAX_SQUARE = 52;
    /** Smallest square that may get its number printed (if the number fits it at the smallest text). */
    static final double MIN_SQUARE_FOR_NUMBER = 20;
    /** A square's number: this share of the square, or the theme's number size if larger ("Larger text"). */
    static final double NUMBER_SHARE = 0.34;
    static final double NUMBER_TEXT = 13;
    /** A gate bar's value: at most this size, and this share of the bar's width. */
    static final double BAR_TEXT = 18;
    static final double BAR_SHARE = 0.3;

    private final Pen gc;
    private final Palette palette;
    private final List<Hit> hits;
    private VectorShapes shapes = new VectorShapes();
    private final double minText;

    /** {@code minText}: the smallest text allowed; a number that does not fit at it is not printed. */
    SquaresPainter(Pen gc, Palette palette, List<Hit> hits, double minText) {
        this.gc = gc;
        this.palette = palette;
        this.hits = hits;
        this.minText = minText;
    }

    /**
     * One size for all of {@code values}' numbers in {@code room × height} slots: {@code preferred}, or less
     * down to the smallest text, so that the widest fits; NaN when they do not fit at the smallest text.
     */
    private double numberSize(double[] values, double room, double height, double preferred) {
        double size = Math.min(preferred, height / 1.2);
        for (double v : values) {
            size = Measure.fit(Numbers.compact(v), true, room, size, minText);
            if (Double.isNaN(size)) {
                return size;
            }
        }
        return size;
    }

    /** The shape of each kind of vector in this frame (see {@link VectorShapes}). */
    void useShapes(VectorShapes decided) {
        this.shapes = decided;
    }

    /** Where the numbers drawn so far are, for hovering (other painters add theirs). */
    List<Hit> hits() {
        return hits;
    }

    /**
     * Draws {@code ref}'s values in {@code box}. With {@code alpha} below one the values are not known
     * yet at this point of the animation: only empty squares are drawn, and nothing can be hovered.
     */
    void vector(VectorRef ref, Trace trace, Rect box, double alpha) {
        double[] values = ref.values(trace);
        if (values == null || box.w() < 2 || box.h() < 2) {
            return;
        }
        VectorGrid grid = VectorGrid.fit(box, values.length, MAX_SQUARE * palette.scale(), shapes.columns(ref.kind()));
        boolean known = alpha >= 0.999;
        gc.setGlobalAlpha(known ? 1 : Math.max(alpha, 0.35));
        Rect b = grid.bounds();
        Shapes.framedBox(gc, b.x() - 3, b.y() - 3, b.w() + 6, b.h() + 6, palette.plate(), palette.cellStroke(), 1);
        double gap = grid.size() >= 12 ? 1.5 : 0.5;
        double numberSize = known && grid.size() >= MIN_SQUARE_FOR_NUMBER
                ? numberSize(values, grid.size() - 2 * gap - 3, grid.size() - 2 * gap,
                        Math.max(grid.size() * NUMBER_SHARE, NUMBER_TEXT * palette.scale()))
                : Double.NaN;
        boolean numbers = !Double.isNaN(numberSize);
        if (numbers) {
            gc.setFont(Fonts.bold(numberSize));
            gc.setTextAlign(TextAlignment.CENTER);
            gc.setTextBaseline(VPos.CENTER);
        }
        for (int i = 0; i < values.length; i++) {
            Rect sq = grid.square(i);
            double v = values[i];
            gc.setFill(known ? palette.signed(v, 1.0) : palette.neutral());
            gc.fillRect(sq.x() + gap, sq.y() + gap, sq.w() - 2 * gap, sq.h() - 2 * gap);
            if (numbers) {
                gc.setFill(palette.textOn(v, 1.0));
                gc.fillText(Numbers.compact(v), sq.centerX(), sq.centerY());
            }
            if (known) {
                hits.add(new Hit(ref, i, sq));
            }
        }
        if (known && !numbers) {
            numbersBeside(grid, values, box);
        }
        gc.setGlobalAlpha(1);
    }

    /**
     * Squares too small for their numbers, in a box with room beside them (the opened step's c_t on the
     * highway): the numbers in a column right of a one-column grid, when they fit there at a legible size.
     */
    private void numbersBeside(VectorGrid grid, double[] values, Rect box) {
        Rect b = grid.bounds();
        double room = box.right() - b.right() - 8;
        double size = Math.min(GateBars.MAX_TEXT * palette.scale(), grid.size() * 0.8);
        if (grid.columns() != 1 || size < GateBars.MIN_TEXT || room <= 0) {
            return;
        }
        double widest = 0;
        for (double v : values) {
            widest = Math.max(widest, Measure.textWidth(Numbers.compact(v), size, true));
        }
        if (widest > room) {
            size *= room / widest; // the width grows in proportion to the size
            widest = room;
            if (size < GateBars.MIN_TEXT) {
                return;
            }
        }
        // on a plate like the squares', so that the wire or the highway behind does not cross the numbers
        Shapes.framedBox(gc, b.right() + 3, b.y() - 3, widest + 8, b.h() + 6, palette.plate(), palette.cellStroke(), 1);
        gc.setFont(Fonts.bold(size));
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.CENTER);
        gc.setFill(palette.text());
        for (int i = 0; i < values.length; i++) {
            Rect sq = grid.square(i);
            gc.fillText(Numbers.compact(values[i]), b.right() + 7, sq.centerY());
        }
    }

    /**
     * Draws values as vertical bars from a zero line, for a cell's gates; {@code lo}..{@code hi} is the
     * range the bars span (0..1 for sigmoid gates, −1..1 for tanh).
     */
    void bars(VectorRef ref, Trace trace, Rect box, double lo, double hi, boolean known) {
        double[] values = ref.values(trace);
        if (values == null) {
            return;
        }
        int n = values.length;
        double w = box.w() / n;
        double zero = box.bottom() - box.h() * (0 - lo) / (hi - lo);
        gc.setFill(palette.plate());
        gc.fillRect(box.x(), box.y(), box.w(), box.h());
        gc.setStroke(palette.mutedText());
        gc.setLineWidth(1);
        gc.strokeLine(box.x(), zero, box.right(), zero);
        double valueSize = known ? numberSize(values, w - 4, box.h() / 3, Math.min(BAR_TEXT * palette.scale(), w * BAR_SHARE * palette.scale()))
                : Double.NaN;
        for (int i = 0; i < n; i++) {
            Rect slot = new Rect(box.x() + i * w, box.y(), w, box.h());
            if (known) {
                double v = values[i];
                double clamped = Double.isNaN(v) ? 0 : Math.max(lo, Math.min(hi, v));
                double top = box.bottom() - box.h() * (clamped - lo) / (hi - lo);
                gc.setFill(palette.signed(v, 1.0));
                double pad = w > 6 ? Math.min(3, w * 0.15) : 0;
                gc.fillRect(slot.x() + pad, Math.min(top, zero), w - 2 * pad, Math.abs(zero - top));
                if (!Double.isNaN(valueSize)) {
                    gc.setFill(palette.text());
                    gc.setFont(Fonts.bold(valueSize));
                    gc.setTextAlign(TextAlignment.CENTER);
                    gc.setTextBaseline(VPos.CENTER);
                    boolean above = v >= 0 || Double.isNaN(v);
                    double half = valueSize * 0.6;
                    double ty = above ? Math.min(top, zero) - half - 1 : Math.max(top, zero) + half + 1;
                    ty = Math.max(box.y() + half + 1, Math.min(box.bottom() - half - 1, ty));
                    gc.fillText(Numbers.compact(v), slot.centerX(), ty);
                }
                hits.add(new Hit(ref, i, slot));
            }
        }
        gc.setStroke(palette.cellStroke());
        gc.strokeRect(box.x(), box.y(), box.w(), box.h());
    }
}
