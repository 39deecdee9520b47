package org.unrolled.view;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import org.unrolled.view.draw.AwtFonts;
import org.unrolled.view.draw.AwtPen;
import org.unrolled.view.draw.Pen;
import org.unrolled.view.draw.ScaledPen;

/**
 * The race's two charts, drawn through a {@link Pen} so that the same picture goes to the window (drawn
 * on a worker thread into an image, shown by the JavaFX thread), to the command line's PNG and to the
 * text audit's recording pen: the held-out score against sequences seen (log axis) with the "learned
 * nothing" and target lines, and the ‖∂L/∂h_t‖ profile over t (log axis). Every size that depends on a
 * text is measured with the bundled font: the margins, which tick labels fit side by side with a gap
 * between them, and how the legend wraps. The legend, which also names the reference lines, sits under the
 * plot: no text is drawn on the data.
 */
public final class RaceChart {
    /** One network's line: its style, its legend text and its points (x, y). */
    public record Curve(RaceStyle style, String label, List<double[]> points) {
    }

    /**
     * What the score chart shows besides the curves.
     *
     * @param yName         the score's name on the axis
     * @param yMax          the top of the (linear) score axis
     * @param baseline      the score of a network that learned nothing
     * @param baselineLabel its words
     * @param target        the target score (NaN: none)
     * @param targetLabel   its words
     * @param xMin          the left end of the sequences axis (points before it are not drawn)
     * @param xMax          the right end of the sequences axis (at least the last point)
     */
    public record ScoreAxes(String yName, double yMax, double baseline, String baselineLabel, double target,
            String targetLabel, double xMin, double xMax) {
    }

    /** Text sizes at scale 1, in pixels (never under the window's smallest text). */
    private static final double TICK_TEXT = 13;
    private static final double NAME_TEXT = 14;
    private static final double TITLE_TEXT = 18;
    /** Space around the chart and between its parts, at scale 1. */
    private static final double PAD = 8;
    /** The least space between two tick labels, at scale 1: they never touch. */
    private static final double TICK_GAP = 12;
    private static final double TICK_LENGTH = 5;
    private static final double LINE_WIDTH = 2.5;
    private static final double MARKER = 4.5;
    private static final double REFERENCE_WIDTH = 1.5;
    private static final double[] BASELINE_DASH = {6, 4};
    private static final double[] TARGET_DASH = {2, 3};

    private RaceChart() {
    }

    /** The score axis of a task: the baseline and target lines. */
    public static ScoreAxes axes(org.unrolled.engine.train.Task task, double target, long firstPoint, long xMax) {
        double xMin = Math.pow(10, Math.floor(Math.log10(Math.max(10, firstPoint))));
        if (task.isRegression()) {
            return new ScoreAxes("RMSE", 0.6, task.baseline(),
                    String.format(Locale.ROOT, "predict the mean: %.3f", task.baseline()), target,
                    String.format(Locale.ROOT, "target %s", target), xMin, xMax);
        }
        return new ScoreAxes("accuracy", 1.0, task.baseline(), "chance: 25%", target,
                String.format(Locale.ROOT, "target %s", target), xMin, xMax);
    }

    /** Both charts side by side in one opaque image (the command line's PNG). */
    public static BufferedImage render(int width, int height, Palette p, List<Curve> scores, ScoreAxes axes,
            List<Curve> profiles, String title) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            draw(new AwtPen(g), width, height, p, scores, axes, profiles, title);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** The command line's picture through any pen: the title over both charts, the scores taking 3/5 of the width. */
    public static void draw(Pen pen, double width, double height, Palette p, List<Curve> scores, ScoreAxes axes,
            List<Curve> profiles, String title) {
        pen.setFill(p.background());
        pen.fillRect(0, 0, width, height);
        Font titleFont = Fonts.bold(size(p, TITLE_TEXT));
        double pad = PAD * p.scale();
        pen.setFill(p.text());
        pen.setFont(titleFont);
        pen.fillText(title, 2 * pad, pad + ascent(titleFont));
        double top = 2 * pad + lineHeight(titleFont);
        double left = Math.floor(width * 3 / 5);
        drawScores(new ScaledPen(pen, 0, top, 1), left, height - top, p, scores, axes);
        drawProfiles(new ScaledPen(pen, left, top, 1), width - left, height - top, p, profiles);
    }

    /** The held-out score against training sequences seen, on a log axis. */
    public static void drawScores(Pen pen, double w, double h, Palette p, List<Curve> curves, ScoreAxes axes) {
        double xMin = axes.xMin();
        double lx0 = Math.log10(xMin);
        double lx1 = Math.log10(Math.max(axes.xMax(), xMin * 10));
        List<Tick> yTicks = new ArrayList<>();
        for (int k = 0; k <= 4; k++) {
            double y = axes.yMax() * k / 4;
            yTicks.add(new Tick(y, String.format(Locale.ROOT, "%.2f", y)));
        }
        List<List<Tick>> xLevels = logTicks(lx0, lx1);
        List<Entry> entries = new ArrayList<>();
        for (Curve c : curves) {
            entries.add(Entry.of(c, p));
        }
        entries.add(Entry.reference(axes.baselineLabel(), BASELINE_DASH, p));
        if (!Double.isNaN(axes.target())) {
            entries.add(Entry.reference(axes.targetLabel(), TARGET_DASH, p));
        }
        Layout l = Layout.of(w, h, p, yTicks, xLevels.get(0), entries);
        Box f = l.plot;
        DoubleUnaryOperator px = x -> f.x + (Math.log10(Math.max(x, xMin)) - lx0) / (lx1 - lx0) * f.w;
        DoubleUnaryOperator py = y -> f.y + f.h - Math.max(0, Math.min(1, y / axes.yMax())) * f.h;
        pen.save();
        pen.clipRect(0, 0, w, h);
        l.frame(pen, List.of("training sequences seen (log scale)", "sequences seen (log scale)", "sequences (log scale)"),
                List.of("held-out " + axes.yName(), axes.yName()));
        l.xTicks(pen, xLevels, x -> px.applyAsDouble(Math.pow(10, x)));
        l.yTicks(pen, yTicks, py);
        referenceLine(pen, l, py.applyAsDouble(axes.baseline()), BASELINE_DASH);
        if (!Double.isNaN(axes.target())) {
            referenceLine(pen, l, py.applyAsDouble(axes.target()), TARGET_DASH);
        }
        for (Curve c : curves) {
            line(pen, p, c.style(), c.points().stream().filter(q -> q[0] >= xMin).toList(), px, py);
        }
        l.legend(pen, entries);
        pen.restore();
    }

    /** ‖∂L/∂h_t‖ against t, log scale, one line per network. */
    public static void drawProfiles(Pen pen, double w, double h, Palette p, List<Curve> curves) {
        double tMax = 1;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Curve c : curves) {
            for (double[] q : c.points()) {
                tMax = Math.max(tMax, q[0]);
                if (q[1] > 0 && Double.isFinite(q[1])) {
                    lo = Math.min(lo, Math.log10(q[1]));
                    hi = Math.max(hi, Math.log10(q[1]));
                }
            }
        }
        if (!(hi >= lo)) {
            lo = -3;
            hi = 0;
        }
        double ly0 = Math.floor(lo);
        double ly1 = Math.max(Math.ceil(hi), ly0 + 1);
        List<Tick> yTicks = new ArrayList<>();
        for (int e = (int) ly0; e <= ly1; e++) {
            yTicks.add(new Tick(e, "1e" + e));
        }
        List<List<Tick>> xLevels = linearTicks((int) tMax);
        List<Entry> entries = curves.stream().map(c -> Entry.of(c, p)).toList();
        Layout l = Layout.of(w, h, p, yTicks, xLevels.get(0), entries);
        Box f = l.plot;
        double tm = tMax;
        DoubleUnaryOperator px = t -> f.x + (t - 1) / Math.max(1, tm - 1) * f.w;
        DoubleUnaryOperator pyLog = e -> f.y + f.h - (e - ly0) / (ly1 - ly0) * f.h;
        DoubleUnaryOperator py = v -> pyLog.applyAsDouble(Math.log10(Math.max(v, Math.pow(10, ly0))));
        pen.save();
        pen.clipRect(0, 0, w, h);
        l.frame(pen, List.of("time step t", "t"), List.of("‖∂L/∂h_t‖ (log scale)", "‖∂L/∂h_t‖ (log)"));
        l.xTicks(pen, xLevels, px);
        l.yTicks(pen, yTicks, pyLog);
        for (Curve c : curves) {
            line(pen, p, c.style(), c.points(), px, py);
        }
        l.legend(pen, entries);
        pen.restore();
    }

    /**
     * One line of the legend: a network's curve (its words, and its cell's name alone for where they do not fit)
     * or a reference line; its colour, dashes (for a line {@code width} wide at scale 1) and marker (or none).
     */
    private record Entry(String label, String shortLabel, javafx.scene.paint.Color colour, RaceStyle style, double[] dash,
            double width) {
        static Entry of(Curve c, Palette p) {
            return new Entry(c.label(), c.style().label(), c.style().colour(p), c.style(), null, LINE_WIDTH);
        }

        static Entry reference(String label, double[] dash, Palette p) {
            return new Entry(label, label, p.mutedText(), null, dash, REFERENCE_WIDTH);
        }
    }

    /** A tick at {@code at} (in the axis's own units: a decade's exponent, a step t) with its label. */
    private record Tick(double at, String label) {
    }

    /**
     * The candidate ticks of a log axis from 10^lx0 to 10^lx1, densest first: 1, 2 and 5 in every decade;
     * only the powers of ten; then every 2nd, 5th, 10th... power. The first set whose labels keep their gap
     * is drawn.
     */
    private static List<List<Tick>> logTicks(double lx0, double lx1) {
        List<List<Tick>> levels = new ArrayList<>();
        List<Tick> dense = new ArrayList<>();
        for (int e = (int) Math.ceil(lx0); e <= Math.floor(lx1); e++) {
            for (int m : new int[] {1, 2, 5}) {
                double v = m * Math.pow(10, e);
                if (Math.log10(v) <= lx1 + 1e-9) {
                    dense.add(new Tick(Math.log10(v), String.format(Locale.ROOT, "%,d", Math.round(v))));
                }
            }
        }
        levels.add(dense);
        int decades = (int) Math.floor(lx1) - (int) Math.ceil(lx0) + 1;
        for (int every = 1; every <= Math.max(1, decades); every = Measure.niceStep(every + 1)) {
            List<Tick> some = new ArrayList<>();
            for (Tick t : dense) {
                long e = Math.round(t.at);
                if (Math.abs(t.at - e) < 1e-9 && Math.floorMod(e, every) == 0) {
                    some.add(t);
                }
            }
            levels.add(some);
        }
        return levels;
    }

    /** The candidate ticks of the steps 1..tMax, densest first: 1 and every multiple of 1, 2, 5, 10, 20... */
    private static List<List<Tick>> linearTicks(int tMax) {
        List<List<Tick>> levels = new ArrayList<>();
        for (int step = 1; ; step = Measure.niceStep(step + 1)) {
            List<Tick> ticks = new ArrayList<>();
            ticks.add(new Tick(1, "1"));
            for (int t = step; t <= tMax; t += step) {
                if (t > 1) {
                    ticks.add(new Tick(t, Integer.toString(t)));
                }
            }
            levels.add(ticks);
            if (step >= tMax) {
                return levels;
            }
        }
    }

    private record Box(double x, double y, double w, double h) {
        double right() {
            return x + w;
        }

        double bottom() {
            return y + h;
        }
    }

    /** Where everything of one chart goes, measured from its texts. */
    private static final class Layout {
        final Palette p;
        final double w;
        final double h;
        final double s;
        final double pad;
        final Font tickFont;
        final Font nameFont;
        Box plot;
        /** The legend's rows: the entries on each row. */
        final List<List<Entry>> legendRows = new ArrayList<>();
        double legendTop;
        /** Under the plot's left edge, or at the chart's where an entry is too wide for that. */
        double legendLeft;
        boolean fullLabels;

        private Layout(double w, double h, Palette p) {
            this.p = p;
            this.w = w;
            this.h = h;
            this.s = p.scale();
            this.pad = PAD * s;
            this.tickFont = Fonts.regular(size(p, TICK_TEXT));
            this.nameFont = Fonts.regular(size(p, NAME_TEXT));
        }

        /**
         * The plot's box: room on the left for the widest y label, on the right and left for half of the
         * widest x label (each is centred on its tick), above it for the y axis's name, and under it for the x
         * labels, the x axis's name and the legend's rows.
         */
        static Layout of(double w, double h, Palette p, List<Tick> yTicks, List<Tick> xTicks, List<Entry> entries) {
            Layout l = new Layout(w, h, p);
            double yLabels = 0;
            for (Tick t : yTicks) {
                yLabels = Math.max(yLabels, width(l.tickFont, t.label));
            }
            double xLabel = 0;
            for (Tick t : xTicks) {
                xLabel = Math.max(xLabel, width(l.tickFont, t.label));
            }
            double left = Math.max(l.pad + yLabels + 8 * l.s + TICK_LENGTH * l.s, l.pad + xLabel / 2);
            double right = Math.max(l.pad + 10 * l.s, l.pad + xLabel / 2);
            double top = l.pad + lineHeight(l.nameFont) + l.nameGap();
            l.legendLeft = left;
            for (Entry e : entries) {
                if (l.sample() + 6 * l.s + width(l.nameFont, e.shortLabel()) > w - left - l.pad) {
                    l.legendLeft = l.pad;
                }
            }
            l.fullLabels = entries.stream()
                    .allMatch(e -> l.sample() + 6 * l.s + width(l.nameFont, e.label()) <= w - l.legendLeft - l.pad);
            l.layOutLegend(entries, w - l.legendLeft - l.pad);
            double below = TICK_LENGTH * l.s + 4 * l.s + lineHeight(l.tickFont) + 4 * l.s + lineHeight(l.nameFont)
                    + (l.legendRows.isEmpty() ? 0 : 6 * l.s + l.legendRows.size() * l.legendRow()) + l.pad;
            l.plot = new Box(left, top, Math.max(1, w - left - right), Math.max(1, h - top - below));
            l.legendTop = l.plot.bottom() + below - l.pad - l.legendRows.size() * l.legendRow();
            return l;
        }

        /** Between the y axis's name and the plot: room for the top tick's label, centred on the plot's top edge. */
        double nameGap() {
            return lineHeight(tickFont) / 2 + 4 * s;
        }

        double legendRow() {
            return Math.max(lineHeight(nameFont), 2 * MARKER * s + 2) + 4 * s;
        }

        double sample() {
            return 40 * s;
        }

        /** Its full words, or its short ones where any entry's full words do not fit (all entries alike). */
        String legendText(Entry e, double room) {
            return fullLabels ? e.label() : e.shortLabel();
        }

        /** The font of an entry's words: shrunk (not under the smallest text) where even the short ones are too wide. */
        Font legendFont(Entry e, double room) {
            return fitted(legendText(e, room), nameFont, room - sample() - 6 * s);
        }

        /** Entries left to right, a new row when the next would pass the right edge. */
        void layOutLegend(List<Entry> entries, double room) {
            double x = 0;
            List<Entry> row = null;
            for (Entry e : entries) {
                double ew = sample() + 6 * s + width(legendFont(e, room), legendText(e, room));
                if (row == null || x + 18 * s + ew > room) {
                    row = new ArrayList<>();
                    legendRows.add(row);
                    x = ew;
                } else {
                    x += 18 * s + ew;
                }
                row.add(e);
            }
        }

        /** The plot's plate and border, and the axes' names: the first wording that fits, shrunk down to the smallest text if none does. */
        void frame(Pen pen, List<String> xNames, List<String> yNames) {
            pen.setFill(p.plate());
            pen.fillRect(plot.x, plot.y, plot.w, plot.h);
            pen.setStroke(p.cellStroke());
            pen.setLineWidth(s);
            pen.setLineDashes();
            pen.strokeRect(plot.x, plot.y, plot.w, plot.h);
            pen.setFill(p.text());
            String xName = wording(xNames, nameFont, w - 2 * pad);
            Font xFont = fitted(xName, nameFont, w - 2 * pad);
            pen.setFont(xFont);
            double nameW = width(xFont, xName);
            double nx = Math.max(pad, Math.min(plot.x + (plot.w - nameW) / 2, w - pad - nameW));
            double ny = plot.bottom() + TICK_LENGTH * s + 4 * s + lineHeight(tickFont) + 4 * s + ascent(nameFont);
            pen.fillText(xName, nx, ny);
            String yName = wording(yNames, nameFont, w - 2 * pad);
            Font yFont = fitted(yName, nameFont, w - 2 * pad);
            pen.setFont(yFont);
            pen.fillText(yName, Math.min(plot.x, Math.max(pad, w - pad - width(yFont, yName))),
                    plot.y - nameGap() - descent(nameFont));
        }

        /** The densest level of x ticks whose labels keep {@link #TICK_GAP} between them and stay inside the chart. */
        void xTicks(Pen pen, List<List<Tick>> levels, DoubleUnaryOperator x) {
            List<Tick> chosen = List.of();
            for (List<Tick> level : levels) {
                chosen = level;
                if (fitsSideBySide(level, x)) {
                    break;
                }
            }
            pen.setStroke(p.mutedText());
            pen.setLineWidth(s);
            pen.setFill(p.mutedText());
            pen.setFont(tickFont);
            double base = plot.bottom() + TICK_LENGTH * s + 4 * s + ascent(tickFont);
            double lastRight = Double.NEGATIVE_INFINITY;
            for (Tick t : chosen) {
                double at = x.applyAsDouble(t.at);
                double lw = width(tickFont, t.label);
                double lx = at - lw / 2;
                if (lx < lastRight + TICK_GAP * s || lx < 0 || lx + lw > w) {
                    continue; // never on or against its neighbour, never cut at the edge
                }
                pen.strokeLine(at, plot.bottom(), at, plot.bottom() + TICK_LENGTH * s);
                pen.fillText(t.label, lx, base);
                lastRight = lx + lw;
            }
        }

        private boolean fitsSideBySide(List<Tick> level, DoubleUnaryOperator x) {
            double lastRight = Double.NEGATIVE_INFINITY;
            for (Tick t : level) {
                double lw = width(tickFont, t.label);
                double lx = x.applyAsDouble(t.at) - lw / 2;
                if (lx < lastRight + TICK_GAP * s || lx < 0 || lx + lw > w) {
                    return false;
                }
                lastRight = lx + lw;
            }
            return true;
        }

        /** Y ticks from the bottom up, each label drawn only when it keeps a gap above the one under it. */
        void yTicks(Pen pen, List<Tick> ticks, DoubleUnaryOperator y) {
            pen.setStroke(p.mutedText());
            pen.setLineWidth(s);
            pen.setFill(p.mutedText());
            pen.setFont(tickFont);
            double lh = lineHeight(tickFont);
            // at most about eight labels, then as few more as needed to keep a line's gap between them
            int every = Measure.niceStep((int) Math.ceil((ticks.size() - 1) / 8.0));
            while (every < ticks.size() && !fitsAbove(ticks, every, y, lh)) {
                every = Measure.niceStep(every + 1);
            }
            // on round values: 1e-40, 1e-30, ... rather than 1e-41, 1e-31, ...
            int first = ticks.isEmpty() ? 0 : Math.floorMod(-Math.round(ticks.get(0).at), every);
            for (int i = every == 1 ? 0 : first; i < ticks.size(); i += every) {
                Tick t = ticks.get(i);
                double at = y.applyAsDouble(t.at);
                pen.strokeLine(plot.x - TICK_LENGTH * s, at, plot.x, at);
                pen.fillText(t.label, plot.x - TICK_LENGTH * s - 4 * s - width(tickFont, t.label),
                        at - lh / 2 + ascent(tickFont));
            }
        }

        private boolean fitsAbove(List<Tick> ticks, int every, DoubleUnaryOperator y, double lh) {
            for (int i = every; i < ticks.size(); i += every) {
                if (y.applyAsDouble(ticks.get(i - every).at) - y.applyAsDouble(ticks.get(i).at) < lh + 2 * s) {
                    return false;
                }
            }
            return true;
        }

        void legend(Pen pen, List<Entry> entries) {
            double room = w - legendLeft - pad;
            double row = legendRow();
            for (int r = 0; r < legendRows.size(); r++) {
                double x = legendLeft;
                double cy = legendTop + r * row + row / 2;
                for (Entry e : legendRows.get(r)) {
                    String text = legendText(e, room);
                    Font f = legendFont(e, room);
                    pen.setStroke(e.colour());
                    pen.setFill(e.colour());
                    pen.setLineWidth(e.width() * s);
                    pen.setLineCap(StrokeLineCap.BUTT);
                    if (e.style() != null) {
                        pen.setLineDashes(e.style().dashes(e.width() * s));
                    } else {
                        pen.setLineDashes(e.dash()[0] * s, e.dash()[1] * s);
                    }
                    pen.strokeLine(x, cy, x + sample(), cy);
                    pen.setLineDashes();
                    if (e.style() != null) {
                        marker(pen, e.style().marker(), x + sample() / 2, cy, MARKER * s);
                    }
                    pen.setFill(p.text());
                    pen.setFont(f);
                    pen.fillText(text, x + sample() + 6 * s, cy - lineHeight(f) / 2 + ascent(f));
                    x += sample() + 6 * s + width(f, text) + 18 * s;
                }
            }
        }
    }

    private static void referenceLine(Pen pen, Layout l, double y, double[] dash) {
        double s = l.s;
        pen.setStroke(l.p.mutedText());
        pen.setLineWidth(REFERENCE_WIDTH * s);
        pen.setLineCap(StrokeLineCap.BUTT);
        pen.setLineDashes(dash[0] * s, dash[1] * s);
        pen.strokeLine(l.plot.x, y, l.plot.right(), y);
        pen.setLineDashes();
    }

    private static void stroke(Pen pen, RaceStyle st, double width) {
        pen.setLineWidth(width);
        pen.setLineCap(StrokeLineCap.BUTT);
        pen.setLineDashes(st.dashes(width));
    }

    private static void line(Pen pen, Palette p, RaceStyle st, List<double[]> pts, DoubleUnaryOperator px,
            DoubleUnaryOperator py) {
        List<double[]> finite = pts.stream().filter(q -> Double.isFinite(q[1])).toList();
        if (finite.isEmpty()) {
            return;
        }
        double[] xs = new double[finite.size()];
        double[] ys = new double[finite.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = px.applyAsDouble(finite.get(i)[0]);
            ys[i] = py.applyAsDouble(finite.get(i)[1]);
        }
        pen.setStroke(st.colour(p));
        pen.setFill(st.colour(p));
        stroke(pen, st, LINE_WIDTH * p.scale());
        pen.strokePolyline(xs, ys, xs.length);
        // markers: at most about 30 along the line, so that dense curves stay readable
        int every = Math.max(1, xs.length / 30);
        for (int i = xs.length - 1; i >= 0; i -= every) {
            marker(pen, st.marker(), xs[i], ys[i], MARKER * p.scale());
        }
    }

    /** A filled marker of radius {@code r} centred on (x, y), in the pen's fill. */
    public static void marker(Pen pen, RaceStyle.Marker m, double x, double y, double r) {
        switch (m) {
            case CIRCLE -> pen.fillOval(x - r, y - r, 2 * r, 2 * r);
            case SQUARE -> pen.fillRect(x - r, y - r, 2 * r, 2 * r);
            case TRIANGLE -> pen.fillPolygon(new double[] {x, x + r * 1.15, x - r * 1.15},
                    new double[] {y - r * 1.2, y + r, y + r}, 3);
            case DIAMOND -> pen.fillPolygon(new double[] {x, x + r * 1.3, x, x - r * 1.3},
                    new double[] {y - r * 1.3, y, y + r * 1.3, y}, 4);
        }
    }

    /** A text size scaled with the palette, never under the window's smallest text. */
    private static double size(Palette p, double base) {
        return Math.max(ViewSettings.WINDOW_MIN_TEXT, base * p.scale());
    }

    /** The first of {@code words} that fits {@code room} in {@code font}, else the shortest. */
    private static String wording(List<String> words, Font font, double room) {
        for (String w : words) {
            if (width(font, w) <= room) {
                return w;
            }
        }
        return words.get(words.size() - 1);
    }

    /** {@code font}, or a smaller size of it (not under the smallest text) at which {@code text} fits {@code room}. */
    private static Font fitted(String text, Font font, double room) {
        double at = width(font, text);
        if (at <= room) {
            return font;
        }
        double size = Math.max(ViewSettings.WINDOW_MIN_TEXT, Math.floor(font.getSize() * room / at * 10) / 10);
        return AwtFonts.isBold(font) ? Fonts.bold(size) : Fonts.regular(size);
    }

    /** Widths as the AWT pen draws them (the bundled font; no JavaFX toolkit needed on the command line). */
    private static double width(Font f, String text) {
        return AwtFonts.width(AwtFonts.of(f), text);
    }

    private static double ascent(Font f) {
        return AwtFonts.ascent(AwtFonts.of(f));
    }

    private static double descent(Font f) {
        return AwtFonts.descent(AwtFonts.of(f));
    }

    private static double lineHeight(Font f) {
        return ascent(f) + descent(f);
    }
}
