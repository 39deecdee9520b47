package org.unrolled.view;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.unrolled.engine.CellType;
import org.unrolled.engine.SequenceTrace;
import org.unrolled.engine.Spectra;
import org.unrolled.engine.Trace;
import org.unrolled.view.draw.Pen;

/**
 * The drawing of {@link GradientPlot}, through any pen: {@code ‖dL/dh_t‖} (and {@code ‖dL/dc_t‖} for an
 * LSTM) against {@code t} on a log scale, as far as the backward sweep has come at the position, with
 * the current step marked and the theory beside it. The window's plot and the presentation layout of
 * an export draw with it.
 */
public final class GradientChart {
    static final double LEFT = 86;
    static final double RIGHT = 24;
    static final double TOP = 58;
    static final double BOTTOM = 34;
    /** How far below the plot's top the encoder/decoder names (14 px, centred at TOP + 10) reach. */
    private static final double NAMES_BOTTOM = 18;

    private final Pen pen;
    private final Palette pal;
    private final double w;
    private final double h;
    private final List<Spectra.Block> spectra;
    /** Whether the plot is drawn in the window, where End and play take the timeline on (not in an export). */
    private final boolean inWindow;

    GradientChart(Pen pen, Palette pal, double w, double h, List<Spectra.Block> spectra) {
        this(pen, pal, w, h, spectra, true);
    }

    private GradientChart(Pen pen, Palette pal, double w, double h, List<Spectra.Block> spectra, boolean inWindow) {
        this.pen = pen;
        this.pal = pal;
        this.w = w;
        this.h = h;
        this.spectra = spectra;
        this.inWindow = inWindow;
    }

    /**
     * Paints the plot of {@code t} at position {@code p} into a {@code w × h} picture through {@code pen}: for
     * an exported frame, which says nothing of keys to press.
     */
    public static void paint(Pen pen, Palette pal, Trace t, double p, double w, double h) {
        new GradientChart(pen, pal, w, h, spectraOf(t), false).paint(t, p, List.of());
    }

    /** The recurrent matrix's spectral radius and largest singular value, per block, for the legend. */
    static List<Spectra.Block> spectraOf(Trace t) {
        return t == null ? List.of()
                : Spectra.recurrent(t.scenario().cell(), t.scenario().weights().cell(), t.scenario().hiddenSize());
    }

    /** x of global step g. */
    private double x(int g, int n) {
        double room = w - LEFT - RIGHT;
        return LEFT + (n <= 1 ? room / 2 : (g - 1) * room / (n - 1));
    }

    private double y(double log, GradientScale s) {
        double room = h - TOP - BOTTOM;
        double lo = Math.floor(s.minLog() - 0.25);
        double hi = Math.ceil(s.maxLog() + 0.25);
        return TOP + room * (hi - log) / (hi - lo);
    }

    /**
     * Paints the plot of {@code t} (or, when {@code compared} is not empty, of those networks) at position
     * {@code p}, filling the whole {@code w × h} with the background first.
     */
    void paint(Trace t, double p, List<GradientPlot.Compared> compared) {
        Pen gc = pen;
        gc.setFill(pal.background());
        gc.fillRect(0, 0, w, h);
        if (t == null || w < LEFT + RIGHT + 20 || h < TOP + BOTTOM + 20) {
            return;
        }
        StepSchedule timeline = new StepSchedule(t);
        int n = timeline.length();
        if (!compared.isEmpty()) {
            drawComparison(gc, pal, timeline, n, p, compared);
            return;
        }
        GradientScale scale = GradientScale.of(t);
        axes(gc, pal, scale, n, timeline);
        theory(gc, pal, t, scale, n, timeline, p);
        series(gc, pal, t, scale, timeline, p, false);
        if (t.scenario().cell() == CellType.LSTM) {
            series(gc, pal, t, scale, timeline, p, true);
        }
        marker(gc, pal, timeline, p, n);
        legend(gc, pal, t);
        if (!timeline.inBackward(p)) {
            waiting(gc, pal);
        }
    }

    /** Several networks' ‖∂L/∂h_t‖ on one shared log axis, one colour each. */
    private void drawComparison(Pen gc, Palette pal, StepSchedule timeline, int n, double p,
            List<GradientPlot.Compared> compared) {
        GradientScale scale = GradientScale.of(compared.stream().map(GradientPlot.Compared::trace).toList());
        axes(gc, pal, scale, n, timeline);
        double x = w - RIGHT;
        for (int k = compared.size() - 1; k >= 0; k--) {
            GradientPlot.Compared c = compared.get(k);
            Color colour = c.style().colour(pal);
            series(gc, pal, c.trace(), scale, timeline, p, false, colour, c.style().marker(), c.style().dash());
            double labelWidth = Measure.textWidth(c.label(), 15, true);
            text(gc, colour, x, 38, c.label(), 15, true, TextAlignment.RIGHT);
            // the legend's sample: a short stretch of the line with its dashes and its marker
            double x0 = x - labelWidth - 46;
            gc.setStroke(colour);
            gc.setLineWidth(2.5);
            double[] dash = c.style().dash();
            if (dash != null) {
                gc.setLineDashes(dash[0] * 0.6, dash[1] * 0.6);
            }
            gc.strokeLine(x0, 38, x0 + 38, 38);
            gc.setLineDashes((double[]) null);
            gc.setFill(colour);
            drawMarker(gc, c.style().marker(), x0 + 19, 38, 5);
            x -= labelWidth + 46 + 24;
        }
        marker(gc, pal, timeline, p, n);
        text(gc, pal.text(), w - RIGHT, 16, "‖∂L/∂h_t‖, one shared log axis", 16, false,
                TextAlignment.RIGHT);
        if (!timeline.inBackward(p)) {
            waiting(gc, pal);
        }
    }

    private void axes(Pen gc, Palette pal, GradientScale scale, int n, StepSchedule timeline) {
        int lo = (int) Math.floor(scale.minLog() - 0.25);
        int hi = (int) Math.ceil(scale.maxLog() + 0.25);
        double perDecade = (h - TOP - BOTTOM) / Math.max(1, hi - lo);
        int every = Measure.niceStep((int) Math.ceil(24 / perDecade));
        for (int k = Math.floorDiv(lo + every - 1, every) * every; k <= hi; k += every) {
            double yy = y(k, scale);
            Shapes.hLine(gc, LEFT, w - RIGHT, yy, 1, pal.neutral().darker());
            text(gc, pal.mutedText(), LEFT - 8, yy, k == 0 ? "1" : "1e" + k, 15, false, TextAlignment.RIGHT);
        }
        Shapes.vLine(gc, LEFT, TOP, h - BOTTOM, 1.5, pal.mutedText());
        Shapes.hLine(gc, LEFT, w - RIGHT, h - BOTTOM, 1.5, pal.mutedText());
        int step = Measure.niceStep((int) Math.ceil(n / ((w - LEFT - RIGHT) / 48.0)));
        // the first and last steps are always labelled; a multiple of step too close to the last is left out
        for (int g = 1; g <= n; g = g == 1 && step > 1 ? step : g + step) {
            if (g == 1 || g == n || x(n, n) - x(g, n) >= 40) {
                text(gc, pal.mutedText(), x(g, n), h - BOTTOM + 16, String.valueOf(timeline.localStep(g)), 15, false,
                        TextAlignment.CENTER);
            }
        }
        if (n > 1 && n % step != 0) { // the loop did not reach it
            text(gc, pal.mutedText(), x(n, n), h - BOTTOM + 16, String.valueOf(timeline.localStep(n)), 15, false,
                    TextAlignment.CENTER);
        }
        if (timeline.encoderLength() > 0) {
            double xe = (x(timeline.encoderLength(), n) + x(timeline.encoderLength() + 1, n)) / 2;
            Shapes.vLine(gc, xe, TOP, h - BOTTOM, 1.5, pal.mutedText());
            text(gc, pal.mutedText(), xe - 6, TOP + 10, "encoder", 14, true, TextAlignment.RIGHT);
            text(gc, pal.mutedText(), xe + 6, TOP + 10, "decoder", 14, true, TextAlignment.LEFT);
        }
        text(gc, pal.text(), 12, 16, "Gradient norm by step t (log scale)", 17, true, TextAlignment.LEFT);
    }

    /** The norms known at p, joined by a line; overflow drawn at the top edge with its value. */
    private void series(Pen gc, Palette pal, Trace t, GradientScale scale, StepSchedule timeline, double p,
            boolean cellState) {
        // ∂L/∂c in the same gradient colour as on the canvas, told apart by its dashes and square markers
        series(gc, pal, t, scale, timeline, p, cellState, pal.gradientHigh(),
                cellState ? RaceStyle.Marker.SQUARE : RaceStyle.Marker.CIRCLE, cellState ? new double[] {8, 5} : null);
    }

    private void series(Pen gc, Palette pal, Trace t, GradientScale scale, StepSchedule timeline, double p,
            boolean cellState, Color color, RaceStyle.Marker shape, double[] dash) {
        double prevX = Double.NaN;
        double prevY = Double.NaN;
        double spacing = timeline.length() <= 1 ? 14 : (w - LEFT - RIGHT) / (timeline.length() - 1);
        double marker = Math.max(2.5, Math.min(7, spacing / 2));
        double labelledUpTo = Double.NEGATIVE_INFINITY;
        for (int g = 1; g <= timeline.length(); g++) {
            if (!timeline.gradientKnown(g, p)) {
                prevX = Double.NaN;
                continue;
            }
            SequenceTrace seq = timeline.isEncoder(g) ? t.encoder() : t.steps();
            int local = timeline.localStep(g);
            double norm = cellState ? seq.dLdcNorm(local) : seq.dLdhNorm(local);
            double xx = x(g, timeline.length());
            if (!Double.isFinite(norm)) {
                gc.setFill(pal.overflow());
                gc.fillPolygon(new double[] {xx - marker, xx + marker, xx}, new double[] {TOP + 14, TOP + 14, TOP}, 3);
                String label = Numbers.format(norm);
                double half = Measure.textWidth(label, 13, true) / 2 + 6; // half the bold label and a gap
                double lx = Math.max(xx, LEFT + half); // clear of the axis and its labels
                if (lx - half >= labelledUpTo) { // labels of neighbouring overflows never overprint each other
                    text(gc, pal.overflow(), lx, TOP + 26, label, 13, true, TextAlignment.CENTER);
                    labelledUpTo = lx + half;
                }
                prevX = Double.NaN;
                continue;
            }
            if (norm <= 0) {
                prevX = Double.NaN;
                continue;
            }
            double yy = y(Math.log10(norm), scale);
            if (!Double.isNaN(prevX)) {
                gc.setStroke(color);
                gc.setLineWidth(2.5);
                if (dash != null) {
                    gc.setLineDashes(dash);
                }
                gc.strokeLine(prevX, prevY, xx, yy);
                gc.setLineDashes((double[]) null);
            }
            double r = timeline.length() > 120 ? 2.5 : 5;
            gc.setFill(color);
            drawMarker(gc, shape, xx, yy, r);
            prevX = xx;
            prevY = yy;
        }
    }

    /** For a vanilla RNN: the slope of a factor ρ per step, anchored at the last step's norm. */
    private void theory(Pen gc, Palette pal, Trace t, GradientScale scale, int n, StepSchedule timeline, double p) {
        if (t.scenario().cell() != CellType.RNN || spectra.isEmpty() || !timeline.inBackward(p)) {
            return;
        }
        double rho = spectra.get(0).spectralRadius();
        double last = t.steps().dLdhNorm(t.steps().length());
        if (!(rho > 0) || !(last > 0) || !Double.isFinite(last)) {
            return;
        }
        int first = timeline.encoderLength() + 1;
        double x0 = x(n, n);
        double y0 = y(Math.log10(last), scale);
        double x1 = x(first, n);
        double y1 = y(Math.log10(last) + (n - first) * Math.log10(rho), scale);
        // the part of the line inside the plot, cut here: a canvas clip costs a blend over the whole plot
        double top = TOP;
        double bottom = h - BOTTOM;
        if ((y0 < top && y1 < top) || (y0 > bottom && y1 > bottom)) {
            return;
        }
        double[] a = cut(x0, y0, x1, y1, top, bottom);
        gc.setStroke(pal.mutedText());
        gc.setLineWidth(2);
        gc.setLineDashes(4, 6);
        gc.strokeLine(a[0], a[1], a[2], a[3]);
        gc.setLineDashes((double[]) null);
    }

    /** The segment from (x0, y0) to (x1, y1) cut to {@code top ≤ y ≤ bottom} (its ends moved along it). */
    static double[] cut(double x0, double y0, double x1, double y1, double top, double bottom) {
        double[] out = {x0, y0, x1, y1};
        for (int end = 0; end < 2; end++) {
            double y = out[2 * end + 1];
            double limit = y < top ? top : y > bottom ? bottom : y;
            if (limit != y && y1 != y0) {
                double f = (limit - y0) / (y1 - y0);
                out[2 * end] = x0 + f * (x1 - x0);
                out[2 * end + 1] = limit;
            }
        }
        return out;
    }

    private void marker(Pen gc, Palette pal, StepSchedule timeline, double p, int n) {
        int g = timeline.inBackward(p) ? timeline.backwardCurrent(p) : StepSchedule.current(p);
        if (g < 1 || g > n) {
            return;
        }
        double xx = x(g, n);
        Shapes.vLine(gc, xx, TOP, h - BOTTOM, 3, pal.currentStroke());
    }

    private void legend(Pen gc, Palette pal, Trace t) {
        double xr = w - RIGHT;
        StringBuilder theory = new StringBuilder();
        for (Spectra.Block b : spectra) {
            theory.append(theory.length() == 0 ? "" : "   ").append("ρ(").append(b.name()).append(") = ")
                    .append(Numbers.format(b.spectralRadius()));
            if (t.scenario().cell() == CellType.RNN) {
                theory.append(", σ_max = ").append(Numbers.format(b.largestSingularValue()));
            }
        }
        if (t.hasEncoder()) {
            theory.append("   (decoder)");
        }
        text(gc, pal.text(), xr, 16, theory.toString(), 16, false, TextAlignment.RIGHT);
        String series = "●  ‖∂L/∂h_t‖" + (t.scenario().cell() == CellType.RNN ? "    - - -  a factor ρ per step" : "");
        if (t.scenario().cell() == CellType.LSTM) {
            // the cell-state series in its own colour, right of the hidden-state one
            String cell = "    ■ - -  ‖∂L/∂c_t‖";
            text(gc, pal.gradientHigh(), xr, 38, cell, 15, true, TextAlignment.RIGHT);
            xr -= Measure.textWidth(cell, 15, true);
        }
        text(gc, pal.gradientHigh(), xr, 38, series, 15, true, TextAlignment.RIGHT);
    }

    /** Before the backward pass: what will fill the plot, under the encoder/decoder names, fitted to its width. */
    private void waiting(Pen gc, Palette pal) {
        String say = inWindow ? "The backward pass fills this in: play on past the last step, or press End."
                : "The backward pass fills this in.";
        double size = Measure.fit(say, false, w - LEFT - RIGHT - 8, 17, 14);
        if (Double.isNaN(size)) {
            say = "The backward pass fills this in.";
            size = Measure.fit(say, false, w - LEFT - RIGHT - 8, 17, 14);
        }
        if (!Double.isNaN(size)) {
            double y = Math.min(Math.max((TOP + h - BOTTOM) / 2, TOP + 22 + size * 0.7), h - BOTTOM - size * 0.7);
            double x = (LEFT + w - RIGHT) / 2;
            // on a patch of the background, so that the current-step marker, the grid lines and the encoder/decoder
            // divider pass behind the words; kept inside the axes and below the encoder/decoder names
            double half = Math.min(Measure.textWidth(say, size, false) / 2 + size * 0.5, x - LEFT - 1);
            double top = Math.max(y - size * 0.75, TOP + NAMES_BOTTOM);
            double bottom = Math.min(y + size * 0.75, h - BOTTOM - 1);
            if (bottom - top >= size) {
                gc.setFill(pal.background());
                gc.fillRect(x - half, top, 2 * half, bottom - top);
            }
            text(gc, pal.mutedText(), x, y, say, size, false, TextAlignment.CENTER);
        }
    }

    /** A filled marker of radius {@code r} centred at (x, y), in the pen's fill colour. */
    private static void drawMarker(Pen gc, RaceStyle.Marker shape, double x, double y, double r) {
        switch (shape) {
            case CIRCLE -> gc.fillOval(x - r, y - r, 2 * r, 2 * r);
            case SQUARE -> gc.fillRect(x - r * 0.9, y - r * 0.9, 1.8 * r, 1.8 * r);
            case DIAMOND -> gc.fillPolygon(new double[] {x, x + r * 1.25, x, x - r * 1.25},
                    new double[] {y - r * 1.25, y, y + r * 1.25, y}, 4);
            case TRIANGLE -> gc.fillPolygon(new double[] {x - r * 1.2, x + r * 1.2, x},
                    new double[] {y + r, y + r, y - r * 1.3}, 3);
        }
    }

    private static void text(Pen gc, Color color, double x, double y, String s, double size, boolean bold,
            TextAlignment align) {
        gc.setFill(color);
        gc.setFont(bold ? Fonts.bold(size) : Fonts.regular(size));
        gc.setTextAlign(align);
        gc.setTextBaseline(VPos.CENTER);
        gc.fillText(s, x, y);
    }
}
