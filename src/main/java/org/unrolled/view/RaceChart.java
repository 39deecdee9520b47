package org.unrolled.view;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import org.unrolled.view.RaceChartLayout.Box;
import org.unrolled.view.RaceChartLayout.Entry;
import org.unrolled.view.RaceChartLayout.Tick;
import org.unrolled.view.draw.AwtPen;
import org.unrolled.view.draw.Pen;
import org.unrolled.view.draw.ScaledPen;

import static org.unrolled.view.RaceChartLayout.LINE_WIDTH;
import static org.unrolled.view.RaceChartLayout.MARKER;
import static org.unrolled.view.RaceChartLayout.PAD;
import static org.unrolled.view.RaceChartLayout.REFERENCE_WIDTH;
import static org.unrolled.view.RaceChartLayout.TITLE_TEXT;
import static org.unrolled.view.RaceChartLayout.ascent;
import static org.unrolled.view.RaceChartLayout.lineHeight;
import static org.unrolled.view.RaceChartLayout.size;

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
        RaceChartLayout l = RaceChartLayout.of(w, h, p, yTicks, xLevels.get(0), entries);
        Box f = l.plot;
        DoubleUnaryOperator px = x -> f.x() + (Math.log10(Math.max(x, xMin)) - lx0) / (lx1 - lx0) * f.w();
        DoubleUnaryOperator py = y -> f.y() + f.h() - Math.max(0, Math.min(1, y / axes.yMax())) * f.h();
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
        RaceChartLayout l = RaceChartLayout.of(w, h, p, yTicks, xLevels.get(0), entries);
        Box f = l.plot;
        double tm = tMax;
        DoubleUnaryOperator px = t -> f.x() + (t - 1) / Math.max(1, tm - 1) * f.w();
        DoubleUnaryOperator pyLog = e -> f.y() + f.h() - (e - ly0) / (ly1 - ly0) * f.h();
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
                long e = Math.round(t.at());
                if (Math.abs(t.at() - e) < 1e-9 && Math.floorMod(e, every) == 0) {
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

    private static void referenceLine(Pen pen, RaceChartLayout l, double y, double[] dash) {
        double s = l.s;
        pen.setStroke(l.p.mutedText());
        pen.setLineWidth(REFERENCE_WIDTH * s);
        pen.setLineCap(StrokeLineCap.BUTT);
        pen.setLineDashes(dash[0] * s, dash[1] * s);
        pen.strokeLine(l.plot.x(), y, l.plot.right(), y);
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

}
