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
 * The LSTM cell-state highway: a band across the top of every cell whose colour and thickness follow
 * {@code c_t}, with the forget multiply ⊗ and the input add ⊕ at every step — the "conveyor belt".
 */
final class HighwayPainter {
    private HighwayPainter() {
    }

    static void paint(Pen gc, NetworkLayout layout, double position, Palette palette) {
        Trace trace = layout.trace();
        double y = layout.highwayY();
        for (Column c : layout.columns()) {
            if (!layout.visible(c)) {
                continue;
            }
            if (c.kind() != ColumnKind.STEP) {
                double[] state = c.kind() == ColumnKind.INITIAL ? (trace.hasEncoder() ? trace.encoder() : trace.steps()).c(0)
                        : trace.encoder().c(trace.encoder().length());
                boolean known = c.kind() == ColumnKind.INITIAL || position >= trace.encoder().length();
                band(gc, palette, layout, c.x() + (c.kind() == ColumnKind.INITIAL ? c.width() / 2 : 0), c.right(), y,
                        state, known);
                continue;
            }
            SequenceTrace seq = c.encoder() ? trace.encoder() : trace.steps();
            double f = Math.max(0, Math.min(1, position - (c.global() - 1)));
            double forget = layout.forgetJunctionX(c);
            double add = layout.inputJunctionX(c);
            // c_{t-1} arrives, is scaled by f at ⊗, gets i ⊙ g at ⊕ and leaves as c_t
            band(gc, palette, layout, c.x(), forget, y, seq.c(c.t() - 1), f > 0 || c.t() == 1);
            band(gc, palette, layout, forget, add, y, scaled(seq, c.t()), f >= 0.5);
            band(gc, palette, layout, add, c.right(), y, seq.c(c.t()), f >= 0.5);
            gc.setGlobalAlpha(f > 0 ? 1 : palette.fadedOpacity());
            double jr = junctionRadius(layout, palette, c);
            junction(gc, palette, forget, y, jr, "×", layout.minText());
            junction(gc, palette, add, y, jr, "+", layout.minText());
            gc.setGlobalAlpha(1);
        }
    }

    /** The radius of a step's ⊗ and ⊕: apart from each other, on the highway, clear of the cell's top border. */
    static double junctionRadius(NetworkLayout layout, Palette palette, Column c) {
        double r = Math.max(11, Math.min(18, layout.unit() * 0.09)) * palette.scale();
        double apart = (layout.inputJunctionX(c) - layout.forgetJunctionX(c)) / 2.3;
        return Math.min(Math.min(r, apart), layout.cellTop() - layout.highwayY() - 3);
    }

    /** f_t ⊙ c_{t-1}: what is left of the old state after forgetting. */
    private static double[] scaled(SequenceTrace seq, int t) {
        double[] prev = seq.c(t - 1);
        double[] f = seq.gate(t, 'f');
        for (int j = 0; j < prev.length; j++) {
            prev[j] *= f[j];
        }
        return prev;
    }

    private static void band(Pen gc, Palette palette, NetworkLayout layout, double x0, double x1, double y,
            double[] state, boolean known) {
        if (x1 <= x0) {
            return;
        }
        double rms = 0;
        double mean = 0;
        for (double v : state) {
            rms += v * v;
            mean += v;
        }
        rms = Math.sqrt(rms / state.length);
        mean /= state.length;
        double maxThickness = Math.max(10, layout.unit() * 0.12) * palette.scale();
        double thickness = known ? 4 + (maxThickness - 4) * Math.min(1, Double.isNaN(rms) ? 1 : rms) : 4;
        Color color = known ? palette.highway().interpolate(palette.signed(mean, 1), 0.75) : palette.neutral();
        gc.setGlobalAlpha(known ? 1 : palette.fadedOpacity() + 0.2);
        gc.setFill(palette.highway());
        gc.fillRect(x0, y - thickness / 2 - 1.5, x1 - x0, thickness + 3);
        gc.setFill(color);
        gc.fillRect(x0, y - thickness / 2, x1 - x0, thickness);
        gc.setGlobalAlpha(1);
    }

    private static void junction(Pen gc, Palette palette, double x, double y, double r, String symbol, double minText) {
        if (r * 1.5 < minText) {
            // too small to read a symbol: a framed dot marks the junction
            Shapes.framedBox(gc, x - r, y - r, 2 * r, 2 * r, palette.plate(), palette.cellStroke(), 1.5);
            return;
        }
        gc.setFill(palette.plate());
        gc.fillOval(x - r, y - r, 2 * r, 2 * r);
        gc.setStroke(palette.cellStroke());
        gc.setLineWidth(2.5);
        gc.strokeOval(x - r, y - r, 2 * r, 2 * r);
        gc.setFill(palette.text());
        gc.setFont(Fonts.bold(r * 1.5));
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.CENTER);
        gc.fillText(symbol, x, y + 1);
    }
}
