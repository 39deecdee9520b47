package org.unrolled.view;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.TextAlignment;
import org.unrolled.engine.CellType;
import org.unrolled.engine.Scenario;
import org.unrolled.view.NetworkLayout.Column;
import org.unrolled.view.NetworkLayout.ColumnKind;
import org.unrolled.view.draw.Pen;

/**
 * The rolled picture of a recurrent network, and its unfolding in time: at {@code unfold = 0} one cell
 * with its state looping back into itself (seq2seq: an encoder and a decoder cell); as {@code unfold}
 * goes to 1 copies of the cell slide out to where the unrolled picture has its steps, the loop fades and
 * the wires from step to step appear. At 1 the ordinary unrolled view takes over.
 */
public final class RolledPainter {
    private final Pen gc;
    private final NetworkLayout layout;
    private final Palette palette;
    private final double unfold;
    private final Scenario scenario;
    /** Whether it is drawn in the window, where R unfolds it (not in a saved picture). */
    private final boolean inWindow;

    private RolledPainter(Pen gc, NetworkLayout layout, Palette palette, double unfold, boolean inWindow) {
        this.gc = gc;
        this.layout = layout;
        this.palette = palette;
        this.unfold = unfold;
        this.scenario = layout.trace().scenario();
        this.inWindow = inWindow;
    }

    /** Paints the rolled network unfolded by {@code unfold} (0 rolled, 1 unrolled) into the layout's steps. */
    public static void paint(Pen gc, NetworkLayout layout, Palette palette, double unfold) {
        new RolledPainter(gc, layout, palette, Math.max(0, Math.min(1, unfold)), true).paintAll();
    }

    /** As {@link #paint}, for a saved picture: its caption says nothing of keys to press. */
    public static void paintPicture(Pen gc, NetworkLayout layout, Palette palette, double unfold) {
        new RolledPainter(gc, layout, palette, Math.max(0, Math.min(1, unfold)), false).paintAll();
    }

    private static double ease(double u) {
        return u * u * (3 - 2 * u);
    }

    private double font() {
        return Math.max(18, Math.min(30, layout.height() * 0.035)) * palette.scale();
    }

    /** Where the rolled cell sits: centred (seq2seq: the encoder's at a third, the decoder's at two thirds). */
    private Rect rolledCell(boolean encoder) {
        double w = Math.max(120, Math.min(260, layout.width() * 0.16));
        double h = Math.max(90, layout.cellHeight() * 0.8);
        double cx = !layout.trace().hasEncoder() ? layout.width() / 2 : layout.width() * (encoder ? 0.33 : 0.67);
        return new Rect(cx - w / 2, layout.wireY() - h / 2, w, h);
    }

    private static Rect lerp(Rect a, Rect b, double t) {
        return new Rect(a.x() + (b.x() - a.x()) * t, a.y() + (b.y() - a.y()) * t, a.w() + (b.w() - a.w()) * t,
                a.h() + (b.h() - a.h()) * t);
    }

    private void paintAll() {
        gc.save();
        gc.setFill(palette.background());
        gc.fillRect(0, 0, layout.width(), layout.height());
        gc.setLineCap(StrokeLineCap.ROUND);
        double e = ease(unfold);
        List<Column> steps = new ArrayList<>();
        for (Column c : layout.columns()) {
            if (c.kind() == ColumnKind.STEP) {
                steps.add(c);
            }
        }
        // the loop fades as the copies take over what it meant, under them
        gc.setGlobalAlpha((1 - e) * (1 - e));
        for (boolean encoder : layout.trace().hasEncoder() ? new boolean[] {true, false} : new boolean[] {false}) {
            loop(rolledCell(encoder), encoder);
        }
        // the wires between the copies appear as they separate
        gc.setGlobalAlpha(e);
        for (int k = 0; k + 1 < steps.size(); k++) {
            Rect a = place(steps.get(k), e);
            Rect b = place(steps.get(k + 1), e);
            if (b.x() > a.right() + 4) {
                double thick = Math.max(3, layout.unit() * 0.03) * palette.scale();
                Shapes.hLine(gc, a.right(), b.x(), layout.wireY(), thick, palette.wire());
                Arrows.head(gc, b.x(), layout.wireY(), 0, Math.max(10, thick * 3), palette.wire());
            }
        }
        // later copies under earlier ones, so that the first step stays on top; each copy's name, wires and
        // labels go in the part of it left uncovered by the copy before it
        for (int k = steps.size() - 1; k >= 0; k--) {
            Column c = steps.get(k);
            boolean first = c.t() == 1;
            double alpha = first ? 1 : Math.min(1, unfold * 4);
            if (alpha <= 0 || (!first && !layout.visible(c))) {
                continue;
            }
            gc.setGlobalAlpha(alpha);
            Rect r = place(c, e);
            double left = r.x();
            if (k > 0 && steps.get(k - 1).encoder() == c.encoder()) {
                left = Math.max(left, place(steps.get(k - 1), e).right());
            }
            cell(r, new Rect(left, r.y(), r.right() - left, r.h()), c, e);
        }
        gc.setGlobalAlpha(1);
        caption(e);
        gc.restore();
    }

    private Rect place(Column c, double e) {
        return lerp(rolledCell(c.encoder()), layout.cellBox(c), e);
    }

    /**
     * One copy of the cell, with its input below and (if it has one) its output above, labelled with its
     * own step (x₁, y₁, x₂, …; "xₜ" only while the copies still lie on the rolled cell). {@code shown} is the
     * part of the copy not covered by the one before it: its name, wires and labels go there, each only if
     * it fits at a legible size.
     */
    private void cell(Rect r, Rect shown, Column c, double e) {
        double f = font();
        Shapes.framedBox(gc, r.x(), r.y(), r.w(), r.h(), c.encoder() || !layout.trace().hasEncoder()
                ? palette.cellFill() : palette.decoderCellFill(), palette.cellStroke(), 2.5 * palette.scale());
        if (shown.w() < 2) {
            return;
        }
        String name = switch (scenario.cell()) {
            case RNN -> scenario.activation().jsonName();
            case LSTM -> "LSTM";
            case GRU -> "GRU";
        };
        fitted(shown.centerX(), r.centerY(), name, f * 1.2, true, shown.w() - 10);
        double thick = Math.max(2.5, f * 0.1);
        double gap = Math.max(26, r.h() * 0.25);
        String sub = e < 0.02 ? "t" : String.valueOf(c.t());
        double x = shown.centerX();
        // x_t comes in from below
        Shapes.vLine(gc, x, r.bottom() + gap, r.bottom(), thick, palette.wire());
        Arrows.head(gc, x, r.bottom(), -Math.PI / 2, Math.max(9, thick * 3.5), palette.wire());
        fitted(x, r.bottom() + gap + f * 0.7, "x" + subscript(sub), f, false, shown.w() - 4);
        boolean output = c.encoder() ? false : layout.trace().steps().hasOutput(c.t());
        if (output || e < 0.5) {
            gc.setGlobalAlpha(gc.getGlobalAlpha() * (output ? 1 : 1 - 2 * e));
            Shapes.vLine(gc, x, r.y(), r.y() - gap, thick, palette.wire());
            Arrows.head(gc, x, r.y() - gap, -Math.PI / 2, Math.max(9, thick * 3.5), palette.wire());
            fitted(x, r.y() - gap - f * 0.7, "y" + subscript(sub), f, false, shown.w() - 4);
        }
    }

    /** The smallest text the unfolding draws: presentation mode's floor, as the gate values'. */
    private static final double MIN_TEXT = GateBars.MIN_TEXT;

    /** Text at {@code size}, or smaller so that it fits in {@code room}; nothing if that is below the floor. */
    private void fitted(double x, double y, String s, double size, boolean bold, double room) {
        double w = Measure.textWidth(s, size, bold);
        double fit = w <= room ? size : size * room / w;
        if (fit >= MIN_TEXT) {
            text(x, y, s, fit, bold);
        }
    }

    /** The recurrence: h_t leaves on the right and comes back in on the left as h_{t−1} (and c for an LSTM). */
    private void loop(Rect r, boolean encoder) {
        double f = font();
        double thick = Math.max(3, f * 0.13);
        double out = Math.max(34, r.w() * 0.22);
        double y = layout.wireY();
        double top = r.y() - Math.max(70, r.h() * 0.55);
        double left = r.x() - out;
        double right = r.right() + out;
        Shapes.hLine(gc, r.right(), right, y, thick, palette.wire());
        Shapes.vLine(gc, right, top, y, thick, palette.wire());
        Shapes.hLine(gc, left, right, top, thick, palette.wire());
        Shapes.vLine(gc, left, top, y, thick, palette.wire());
        Shapes.hLine(gc, left, r.x(), y, thick, palette.wire());
        Arrows.head(gc, r.x(), y, 0, Math.max(12, thick * 4), palette.wire());
        text(right + f * 1.2, y - f * 0.8, "h" + subscript("t"), f, true);
        text(left - f * 1.6, y - f * 0.8, "h" + subscript("t−1"), f, true);
        // a delay marker on the loop: the state waits one step
        double mx = (left + right) / 2;
        Shapes.framedBox(gc, mx - f * 1.3, top - f * 0.8, f * 2.6, f * 1.6, palette.currentFill(), palette.cellStroke(), 2);
        text(mx, top, "delay", f * 0.6, false);
        if (scenario.cell() == CellType.LSTM) {
            text(mx, top - f * 1.6, "(an LSTM loops c_t back as well)", f * 0.7, false);
        }
        if (layout.trace().hasEncoder()) {
            text(r.centerX(), r.bottom() + Math.max(26, r.h() * 0.25) + f * 2.1, encoder ? "encoder" : "decoder", f * 0.8,
                    true);
        }
    }

    private void caption(double e) {
        double f = font();
        double y = layout.height() - f * 1.2;
        int steps = new StepSchedule(layout.trace()).length();
        String text = e < 0.02 ? "The rolled view: one cell, applied at every step"
                        + (inWindow ? " (press R to unfold it in time)" : "")
                : e > 0.98 ? "Unrolled: " + steps + " copies of the same cell, sharing their weights — a deep network"
                : "Unfolding in time: every step gets its own copy of the cell";
        text(layout.width() / 2, y, text, f * 0.85, false);
    }

    private static String subscript(String s) {
        StringBuilder b = new StringBuilder();
        for (char ch : s.toCharArray()) {
            b.append(switch (ch) {
                case 't' -> 'ₜ';
                case '−', '-' -> '₋';
                default -> ch >= '0' && ch <= '9' ? (char) ('₀' + (ch - '0')) : ch;
            });
        }
        return b.toString();
    }

    private void text(double x, double y, String s, double size, boolean bold) {
        gc.setFill(palette.text());
        gc.setFont(bold ? Fonts.bold(size) : Fonts.regular(size));
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.CENTER);
        gc.fillText(s, x, y);
    }
}
