package org.unrolled.view;

import javafx.scene.paint.Color;
import org.unrolled.view.NetworkLayout.Column;
import org.unrolled.view.draw.Pen;

/**
 * The wire that carries {@code h_t} from the top of a step's cell up to its output {@code y_t}. As in the
 * standard LSTM diagrams, {@code h_t = o ⊙ tanh(c_t)} leaves the cell on the right, past the highway's ⊕:
 * the wire rises there, crosses the cell-state highway over a gap (it does not join it: the highway
 * carries only {@code c_t}), and turns into the output box, clear of the ⊕ below it. Without a highway (RNN, GRU)
 * it rises straight from the top of the cell, where {@code h_t} leaves it.
 */
final class OutputRoute {
    /** The corners of the wire, from the cell's top to the output's bottom. */
    final double[] xs;
    final double[] ys;

    private OutputRoute(double[] xs, double[] ys) {
        this.xs = xs;
        this.ys = ys;
    }

    /** Where h_t leaves the top of the cell: right of the ⊕ for an LSTM (over the o gate when open). */
    static double exitX(NetworkLayout layout, Column c) {
        Rect cell = layout.cellBox(c);
        if (!layout.hasHighway()) {
            return cell.centerX();
        }
        Rect in = layout.cellInside(c);
        return in.x() + in.w() * (0.9 - 0.025 * c.focus());
    }

    /** Half the thickness of the highway band at its thickest (see {@link HighwayPainter}). */
    static double bandHalf(NetworkLayout layout, Palette palette) {
        return Math.max(10, layout.unit() * 0.12) * palette.scale() / 2 + 1.5;
    }

    static OutputRoute of(NetworkLayout layout, Column c, Palette palette) {
        Rect cell = layout.cellBox(c);
        Rect out = layout.outputBox(c);
        double cx = cell.centerX();
        double ex = exitX(layout, c);
        if (!layout.hasHighway() || Math.abs(ex - cx) < 1) {
            return new OutputRoute(new double[] {cx, cx}, new double[] {cell.y(), out.bottom()});
        }
        // into y's box near its middle, but never straight above the ⊕ (it would seem to come out of it)
        double forget = layout.forgetJunctionX(c);
        double add = layout.inputJunctionX(c);
        double r = Math.min(Math.max(11, Math.min(18, layout.unit() * 0.09)) * palette.scale(), (add - forget) / 2.3);
        double end = Math.max(cx, add + r + 10);
        if (end >= ex - 1) {
            return new OutputRoute(new double[] {ex, ex}, new double[] {cell.y(), out.bottom()});
        }
        double jog = jogY(layout, out, palette);
        return new OutputRoute(new double[] {ex, ex, end, end}, new double[] {cell.y(), jog, jog, out.bottom()});
    }

    /** The height of the turn: halfway between the output's bottom and the top of the highway band. */
    static double jogY(NetworkLayout layout, Rect out, Palette palette) {
        double bandTop = layout.highwayY() - bandHalf(layout, palette);
        return (out.bottom() + bandTop) / 2;
    }

    /** Draws the wire, {@code thick} wide, with its arrowhead into the output; a gap in the highway where it crosses it. */
    void paint(Pen gc, NetworkLayout layout, Palette palette, double thick, double head) {
        if (layout.hasHighway()) {
            double half = bandHalf(layout, palette);
            gc.setFill(palette.background());
            gc.fillRect(xs[0] - thick / 2 - 4, layout.highwayY() - half - 1, thick + 8, 2 * half + 2);
        }
        for (int k = 0; k + 1 < xs.length; k++) {
            segment(gc, xs[k], ys[k], xs[k + 1], ys[k + 1], thick, palette.wire());
        }
        Arrows.head(gc, xs[xs.length - 1], ys[ys.length - 1], -Math.PI / 2, head, palette.wire());
    }

    private static void segment(Pen gc, double x0, double y0, double x1, double y1, double thick, Color color) {
        if (x0 == x1) {
            Shapes.vLine(gc, x0, y0, y1, thick, color);
        } else {
            // the corner is filled by extending the horizontal stretch half a line either way
            double dir = Math.signum(x1 - x0);
            Shapes.hLine(gc, x0 - dir * thick / 2, x1 + dir * thick / 2, y0, thick, color);
        }
    }

    /** Total length of the wire. */
    double length() {
        double sum = 0;
        for (int k = 0; k + 1 < xs.length; k++) {
            sum += Math.abs(xs[k + 1] - xs[k]) + Math.abs(ys[k + 1] - ys[k]);
        }
        return sum;
    }

    /** The point {@code fraction} of the way along the wire from the cell. */
    double[] at(double fraction) {
        double left = Math.max(0, Math.min(1, fraction)) * length();
        for (int k = 0; k + 1 < xs.length; k++) {
            double len = Math.abs(xs[k + 1] - xs[k]) + Math.abs(ys[k + 1] - ys[k]);
            if (left <= len || k + 2 == xs.length) {
                double f = len == 0 ? 1 : Math.min(1, left / len);
                return new double[] {xs[k] + (xs[k + 1] - xs[k]) * f, ys[k] + (ys[k + 1] - ys[k]) * f};
            }
            left -= len;
        }
        return new double[] {xs[xs.length - 1], ys[ys.length - 1]};
    }

    /**
     * The backward pass's part of {@code ∂L/∂h_t} from the output: down beside the wire ({@code offset} to its
     * right and below its turn), {@code arrived} of the way, with an arrowhead that stops at the cell's top.
     */
    void paintBack(Pen gc, double offset, double arrived, double thick, double head, Color color) {
        int n = xs.length;
        double[] bx = new double[n];
        double[] by = new double[n];
        for (int k = 0; k < n; k++) {
            int from = n - 1 - k; // reversed: from the output down to the cell
            bx[k] = xs[from] + offset;
            by[k] = ys[from];
        }
        by[0] += 2;
        if (n == 4) {
            by[1] += offset;
            by[2] += offset;
        }
        by[n - 1] -= head;
        OutputRoute back = new OutputRoute(bx, by);
        double total = back.length() * Math.max(0, Math.min(1, arrived));
        double left = total;
        double[] end = {bx[0], by[0]};
        for (int k = 0; k + 1 < n && left > 0; k++) {
            double len = Math.abs(bx[k + 1] - bx[k]) + Math.abs(by[k + 1] - by[k]);
            double f = len == 0 ? 1 : Math.min(1, left / len);
            double x1 = bx[k] + (bx[k + 1] - bx[k]) * f;
            double y1 = by[k] + (by[k + 1] - by[k]) * f;
            segment(gc, bx[k], by[k], x1, y1, thick, color);
            end = new double[] {x1, y1};
            left -= len;
        }
        // the head points down into the cell once the last stretch is reached, else along the turn
        boolean down = n == 2 || end[0] == bx[n - 1];
        double dir = bx[n - 1] >= bx[0] ? 1 : -1;
        Arrows.head(gc, end[0] + (down ? 0 : dir * head), end[1] + (down ? head : 0),
                down ? Math.PI / 2 : dir > 0 ? 0 : Math.PI, head, color);
    }
}
