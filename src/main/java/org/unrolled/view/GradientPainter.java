package org.unrolled.view;

import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.unrolled.engine.SequenceTrace;
import org.unrolled.engine.Trace;
import org.unrolled.view.NetworkLayout.Column;
import org.unrolled.view.NetworkLayout.ColumnKind;
import org.unrolled.view.draw.Pen;

/**
 * The backward pass as its own layer: {@code dL/dh_t} flowing right to left under the hidden-state
 * wire, its width and colour following {@code log10 ‖dL/dh_t‖} and its norm printed; the part from
 * the step's own output coming down into it; for an LSTM {@code dL/dc_t} flowing back along the
 * highway. Overflow shows as a saturated marker with "∞" or "NaN", never as a clipped picture.
 */
final class GradientPainter {
    private final Pen gc;
    private final NetworkLayout layout;
    private final Palette palette;
    private final Trace trace;
    private final StepSchedule timeline;
    private final GradientScale scale;
    private final double position;

    private GradientPainter(Pen gc, NetworkLayout layout, Palette palette, double position) {
        this.gc = gc;
        this.layout = layout;
        this.palette = palette;
        this.trace = layout.trace();
        this.timeline = new StepSchedule(trace);
        this.scale = GradientScale.of(trace);
        this.position = position;
    }

    /** The dL/dh layer, drawn over the cells. */
    static void paint(Pen gc, NetworkLayout layout, Palette palette, double position) {
        GradientPainter p = new GradientPainter(gc, layout, palette, position);
        if (p.timeline.inBackward(position)) {
            p.paintAll(false);
        }
    }

    /** The dL/dc layer along the LSTM highway, drawn under the cells and the c squares. */
    static void paintHighway(Pen gc, NetworkLayout layout, Palette palette, double position) {
        GradientPainter p = new GradientPainter(gc, layout, palette, position);
        if (p.timeline.inBackward(position) && layout.hasHighway()) {
            p.paintAll(true);
        }
    }

    private double width(double t) {
        double max = Math.max(8, Math.min(18, layout.unit() * 0.1)) * palette.scale();
        return Double.isNaN(t) ? max : 2 * palette.scale() + (max - 2 * palette.scale()) * t;
    }

    private Color color(double t) {
        return Double.isNaN(t) ? palette.overflow() : palette.magnitude(0.15 + 0.85 * t);
    }

    private void paintAll(boolean highwayLayer) {
        Column previous = null;
        for (Column c : layout.columns()) {
            if (c.kind() == ColumnKind.STEP && (layout.visible(c) || (previous != null && layout.visible(previous)))) {
                double arrived = timeline.gradientProgress(c.global(), position);
                SequenceTrace seq = c.encoder() ? trace.encoder() : trace.steps();
                if (arrived > 0 && highwayLayer) {
                    gc.setGlobalAlpha(Math.min(1, 0.35 + arrived));
                    highway(c, seq, c.t(), arrived);
                    gc.setGlobalAlpha(1);
                } else if (arrived > 0) {
                    step(c, arrived);
                }
            }
            previous = c;
        }
    }

    private void step(Column c, double arrived) {
        int g = c.global();
        SequenceTrace seq = c.encoder() ? trace.encoder() : trace.steps();
        int t = c.t();
        Rect state = layout.stateBox(c);
        Rect cell = layout.cellBox(c);
        double y = state.bottom() + Math.max(14, layout.cellHeight() * 0.06);
        gc.setGlobalAlpha(Math.min(1, 0.35 + arrived));
        // from step t+1 (or from the decoder, for the encoder's last step): right to left, under h_t
        double fromNext = seq.dLdhFromNextNorm(t);
        if (g < timeline.length() && !(fromNext == 0 && Double.isFinite(fromNext))) {
            double right = nextCellX(c);
            double left = cell.right() + 2;
            double tn = scale.position(fromNext);
            double head = Math.max(10, width(tn) * 1.6);
            double x0 = right - (right - left - head) * arrived;
            Shapes.hLine(gc, x0, right, y, width(tn), color(tn));
            Arrows.head(gc, x0 - head, y, Math.PI, head, color(tn));
        }
        // from the step's own output: down beside the output wire into the cell, where h_t leaves it
        if (seq.hasOutput(t)) {
            double fromOut = seq.dLdhFromOutputNorm(t);
            double to = scale.position(fromOut);
            double head = Math.max(10, width(to) * 1.6);
            OutputRoute.of(layout, c, palette).paintBack(gc, Math.max(10, width(to) + 6), Math.min(1, arrived * 1.5),
                    width(to), head, color(to));
        }
        if (arrived >= 1) {
            double size = labelSize();
            double ly = Math.min(y + Math.max(20, layout.cellHeight() * 0.08), cell.bottom() - size * 0.7);
            // in the gap to the next cell if it fits there; a closed cell too narrow for it carries it inside
            double left = cell.right() + 3;
            double right = Math.min(layout.width(), nextCellX(c)) - 3;
            boolean open = c.focus() > 0.6;
            if (!normLabel((left + right) / 2, ly, seq.dLdhNorm(t), "∂L/∂h", right - left, false) && !open
                    && !normLabel(cell.centerX(), cell.y() + cell.h() * 0.62, seq.dLdhNorm(t), "∂L/∂h", cell.w() - 6, true)) {
                sizeBar(cell, seq.dLdhNorm(t));
            }
        }
        gc.setGlobalAlpha(1);
    }

    /**
     * A closed cell too narrow for the number: a bar in its lower part, as tall as {@code log10 ‖dL/dh_t‖} on
     * the frame's scale (the arrows' width and shade say the same), so a long row of steps still shows the
     * gradient dying or growing step by step.
     */
    private void sizeBar(Rect cell, double norm) {
        double tn = scale.position(norm);
        double room = cell.h() * 0.3;
        double h = Double.isNaN(tn) ? room : Math.max(3, room * tn);
        double w = Math.max(2, Math.min(cell.w() - 6, 12 * palette.scale()));
        double bottom = cell.bottom() - Math.max(14, layout.unit() * 0.07) - 4; // above x's arrowhead
        gc.setFill(color(tn));
        gc.fillRect(cell.centerX() - w / 2, bottom - h, w, h);
    }

    /** dL/dc_t back along the highway, just above the forward band. */
    private void highway(Column c, SequenceTrace seq, int t, double arrived) {
        double norm = seq.dLdcNorm(t);
        double tn = scale.position(norm);
        double y = layout.highwayY() + Math.max(10, layout.unit() * 0.12) / 2 + 4 + width(tn) * 0.4;
        double right = nextCellX(c);
        double left = layout.cellBox(c).x();
        double x0 = right - (right - left) * arrived;
        Shapes.hLine(gc, x0, right, y, width(tn) * 0.8, color(tn));
        if (arrived >= 1 && c.focus() > 0.6) {
            // right of the open cell, between c_t on the highway and h_t on the wire: clear of the cell and its stems
            Rect state = layout.stateBox(c);
            double top = layout.highwayBox(c).bottom();
            double labelY = (top + state.y()) / 2;
            if (state.y() - top >= labelSize() * 1.2) {
                normLabel(state.centerX(), labelY, norm, "∂L/∂c", state.w(), false);
            }
        }
    }

    private double nextCellX(Column c) {
        boolean seen = false;
        for (Column o : layout.columns()) {
            if (seen && o.kind() != ColumnKind.INITIAL) {
                return o.kind() == ColumnKind.STEP ? layout.cellBox(o).x() : layout.stateBox(o).x();
            }
            seen = o == c;
        }
        return c.right();
    }

    private double labelSize() {
        return layout.legible(Math.min(20, layout.unit() * 0.11) * palette.scale());
    }

    /**
     * The norm printed where it fits in {@code room} pixels (named if there is room, smaller down to the
     * smallest text if need be); an overflow is always shown, unless {@code optional}. Whether it was drawn.
     */
    private boolean normLabel(double x, double y, double norm, String what, double room, boolean optional) {
        boolean overflow = !Double.isFinite(norm);
        String text = Numbers.format(norm);
        double size = Measure.fit("‖" + what + "‖ " + text, true, room - 10, labelSize(), Math.max(layout.minText(), labelSize() * 0.85));
        if (!Double.isNaN(size)) {
            text = "‖" + what + "‖ " + text;
        } else {
            size = Measure.fit(text, true, room - 10, labelSize(), layout.minText());
        }
        if (Double.isNaN(size) && (optional || !overflow)) {
            return false;
        }
        size = Double.isNaN(size) ? layout.minText() : size;
        double w = Measure.textWidth(text, size, true) + 10;
        if (overflow && w > room) {
            // too narrow for "∞" or "NaN": a marker as wide as the step, so that neighbours do not overlap
            double narrow = Math.max(4, room);
            Shapes.framedBox(gc, x - narrow / 2, y - size * 0.75, narrow, size * 1.5, palette.overflow(),
                    palette.currentStroke(), 1);
            return true;
        }
        if (overflow) {
            Shapes.framedBox(gc, x - w / 2, y - size * 0.75, w, size * 1.5, palette.overflow(), palette.currentStroke(), 2);
            gc.setFill(Color.WHITE);
        } else {
            gc.setFill(palette.background());
            gc.fillRect(x - w / 2, y - size * 0.65, w, size * 1.3);
            gc.setFill(palette.gradientHigh());
        }
        gc.setFont(Fonts.bold(size));
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.CENTER);
        gc.fillText(text, x, y);
        return true;
    }
}
