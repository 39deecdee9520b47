package org.unrolled.view;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

/**
 * The race's two charts, drawn with Java 2D so that the same picture goes to the window (drawn on a
 * worker thread, shown by the JavaFX thread) and to the command line's PNG: the held-out score against
 * sequences seen (log axis) with the "learned nothing" and target lines, and the ‖∂L/∂h_t‖ profile
 * over t (log axis).
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

    private static final int MARGIN_LEFT = 78;
    private static final int MARGIN_RIGHT = 18;
    private static final int MARGIN_TOP = 30;
    private static final int MARGIN_BOTTOM = 46;

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
            setUp(g, p);
            g.setColor(RaceStyle.awt(p.background()));
            g.fillRect(0, 0, width, height);
            int top = (int) (36 * p.scale());
            g.setColor(RaceStyle.awt(p.text()));
            g.setFont(font(p, 17, Font.BOLD));
            g.drawString(title, 16, (int) (24 * p.scale()));
            int left = width * 3 / 5;
            Graphics2D a = (Graphics2D) g.create(0, top, left, height - top);
            drawScores(a, left, height - top, p, scores, axes);
            a.dispose();
            Graphics2D b = (Graphics2D) g.create(left, top, width - left, height - top);
            drawProfiles(b, width - left, height - top, p, profiles);
            b.dispose();
        } finally {
            g.dispose();
        }
        return img;
    }

    static void setUp(Graphics2D g, Palette p) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    }

    private static Font font(Palette p, double size, int style) {
        return new Font(p.fontFamily(), style, (int) Math.round(size * p.scale()));
    }

    /** The held-out score against training sequences seen, on a log axis from 100. */
    public static void drawScores(Graphics2D g, int w, int h, Palette p, List<Curve> curves, ScoreAxes axes) {
        setUp(g, p);
        g.clipRect(0, 0, w, h);
        double s = p.scale();
        Frame f = new Frame((int) (MARGIN_LEFT * s), (int) (MARGIN_TOP * s), w - (int) ((MARGIN_LEFT + MARGIN_RIGHT) * s),
                h - (int) ((MARGIN_TOP + MARGIN_BOTTOM) * s));
        double xMin = axes.xMin();
        double lx0 = Math.log10(xMin);
        double lx1 = Math.log10(Math.max(axes.xMax(), xMin * 10));
        java.util.function.DoubleUnaryOperator px = x -> f.x + (Math.log10(Math.max(x, xMin)) - lx0) / (lx1 - lx0) * f.w;
        java.util.function.DoubleUnaryOperator py = y -> f.y + f.h - Math.max(0, Math.min(1, y / axes.yMax())) * f.h;
        frame(g, p, f, "training sequences seen (log scale)", "held-out " + axes.yName());
        g.setFont(font(p, 12, Font.PLAIN));
        for (int e = (int) Math.ceil(lx0); e <= Math.floor(lx1); e++) {
            double x = px.applyAsDouble(Math.pow(10, e));
            tick(g, p, x, f.y + f.h, String.format(Locale.ROOT, "%,d", (long) Math.pow(10, e)), true);
            for (int m : new int[] {2, 5}) {
                double v = m * Math.pow(10, e);
                if (Math.log10(v) <= lx1) {
                    tick(g, p, px.applyAsDouble(v), f.y + f.h, String.format(Locale.ROOT, "%,d", (long) v), true);
                }
            }
        }
        for (int k = 0; k <= 4; k++) {
            double y = axes.yMax() * k / 4;
            tick(g, p, f.x, py.applyAsDouble(y), String.format(Locale.ROOT, "%.2f", y), false);
        }
        reference(g, p, f, py.applyAsDouble(axes.baseline()), axes.baselineLabel(), new float[] {6, 4});
        if (!Double.isNaN(axes.target())) {
            reference(g, p, f, py.applyAsDouble(axes.target()), axes.targetLabel(), new float[] {2, 3});
        }
        for (Curve c : curves) {
            List<double[]> pts = c.points().stream().filter(q -> q[0] >= xMin).toList();
            line(g, p, c.style(), pts, px, py);
        }
        // an accuracy rises to the top left: its legend goes to the bottom right, under the chance line
        legend(g, p, f, curves, axes.baseline() / axes.yMax() < 0.5 && !axes.yName().equals("RMSE"));
    }

    /** ‖∂L/∂h_t‖ against t, log scale, one line per network. */
    public static void drawProfiles(Graphics2D g, int w, int h, Palette p, List<Curve> curves) {
        setUp(g, p);
        g.clipRect(0, 0, w, h);
        double s = p.scale();
        Frame f = new Frame((int) (MARGIN_LEFT * s), (int) (MARGIN_TOP * s), w - (int) ((MARGIN_LEFT + MARGIN_RIGHT) * s),
                h - (int) ((MARGIN_TOP + MARGIN_BOTTOM) * s));
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
        double tm = tMax;
        java.util.function.DoubleUnaryOperator px = t -> f.x + (t - 1) / Math.max(1, tm - 1) * f.w;
        java.util.function.DoubleUnaryOperator py = v -> f.y + f.h
                - (Math.log10(Math.max(v, Math.pow(10, ly0))) - ly0) / (ly1 - ly0) * f.h;
        frame(g, p, f, "time step t", "‖∂L/∂h_t‖ (log scale)");
        g.setFont(font(p, 12, Font.PLAIN));
        int every = (int) Math.max(1, Math.ceil((ly1 - ly0) / 6));
        for (int e = (int) ly0; e <= ly1; e += every) {
            tick(g, p, f.x, py.applyAsDouble(Math.pow(10, e)), "1e" + e, false);
        }
        int step = tMax > 100 ? 50 : tMax > 40 ? 20 : tMax > 10 ? 5 : 1;
        tick(g, p, px.applyAsDouble(1), f.y + f.h, "1", true);
        for (int t = step; t <= tMax; t += step) {
            tick(g, p, px.applyAsDouble(t), f.y + f.h, Integer.toString(t), true);
        }
        for (Curve c : curves) {
            line(g, p, c.style(), c.points(), px, py);
        }
        legend(g, p, f, curves, false);
    }

    private record Frame(int x, int y, int w, int h) {
    }

    private static void frame(Graphics2D g, Palette p, Frame f, String xName, String yName) {
        g.setColor(RaceStyle.awt(p.plate()));
        g.fillRect(f.x, f.y, f.w, f.h);
        g.setColor(RaceStyle.awt(p.cellStroke()));
        g.setStroke(new BasicStroke((float) p.scale()));
        g.drawRect(f.x, f.y, f.w, f.h);
        g.setColor(RaceStyle.awt(p.text()));
        g.setFont(font(p, 13, Font.PLAIN));
        FontMetrics fm = g.getFontMetrics();
        g.drawString(xName, f.x + (f.w - fm.stringWidth(xName)) / 2, f.y + f.h + fm.getHeight() * 2 + 2);
        g.drawString(yName, f.x, f.y - fm.getDescent() - 4);
    }

    private static void tick(Graphics2D g, Palette p, double x, double y, String label, boolean onX) {
        FontMetrics fm = g.getFontMetrics();
        g.setColor(RaceStyle.awt(p.mutedText()));
        g.setStroke(new BasicStroke((float) p.scale()));
        if (onX) {
            g.draw(new java.awt.geom.Line2D.Double(x, y, x, y + 5 * p.scale()));
            double right = g.getClipBounds() == null ? Double.MAX_VALUE : g.getClipBounds().getMaxX();
            double lx = Math.min(x - fm.stringWidth(label) / 2.0, right - fm.stringWidth(label) - 2);
            g.drawString(label, (float) lx, (float) (y + fm.getAscent() + 7 * p.scale()));
        } else {
            g.draw(new java.awt.geom.Line2D.Double(x - 5 * p.scale(), y, x, y));
            g.drawString(label, (float) (x - fm.stringWidth(label) - 8 * p.scale()), (float) (y + fm.getAscent() / 2.5));
        }
    }

    private static void reference(Graphics2D g, Palette p, Frame f, double y, String label, float[] dash) {
        g.setColor(RaceStyle.awt(p.mutedText()));
        g.setStroke(new BasicStroke((float) (1.5 * p.scale()), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
                dash, 0));
        g.draw(new java.awt.geom.Line2D.Double(f.x, y, f.x + f.w, y));
        g.setFont(font(p, 12, Font.ITALIC));
        FontMetrics fm = g.getFontMetrics();
        // on a plate of its own, so that a curve passing behind does not hide it
        int lx = f.x + f.w - fm.stringWidth(label) - 8;
        g.setColor(RaceStyle.awt(p.plate()));
        g.fillRect(lx - 3, (int) (y - 4 - fm.getAscent()), fm.stringWidth(label) + 6, fm.getAscent() + 2);
        g.setColor(RaceStyle.awt(p.mutedText()));
        g.drawString(label, lx, (float) (y - 4));
    }

    private static void line(Graphics2D g, Palette p, RaceStyle st, List<double[]> pts,
            java.util.function.DoubleUnaryOperator px, java.util.function.DoubleUnaryOperator py) {
        if (pts.isEmpty()) {
            return;
        }
        g.setColor(RaceStyle.awt(st.colour(p)));
        g.setStroke(st.stroke((float) (2.5 * p.scale())));
        Path2D path = new Path2D.Double();
        boolean started = false;
        for (double[] q : pts) {
            if (!Double.isFinite(q[1])) {
                continue;
            }
            double x = px.applyAsDouble(q[0]);
            double y = py.applyAsDouble(q[1]);
            if (started) {
                path.lineTo(x, y);
            } else {
                path.moveTo(x, y);
                started = true;
            }
        }
        g.draw(path);
        // markers: at most about 30 along the line, so that dense curves stay readable
        int every = Math.max(1, pts.size() / 30);
        for (int i = pts.size() - 1; i >= 0; i -= every) {
            double[] q = pts.get(i);
            if (Double.isFinite(q[1])) {
                marker(g, st.marker(), px.applyAsDouble(q[0]), py.applyAsDouble(q[1]), 4.5 * p.scale());
            }
        }
    }

    public static void marker(Graphics2D g, RaceStyle.Marker m, double x, double y, double r) {
        g.setStroke(new BasicStroke(1f));
        java.awt.Shape shape = switch (m) {
            case CIRCLE -> new java.awt.geom.Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r);
            case SQUARE -> new java.awt.geom.Rectangle2D.Double(x - r, y - r, 2 * r, 2 * r);
            case TRIANGLE -> polygon(new double[] {x, x + r * 1.15, x - r * 1.15}, new double[] {y - r * 1.2, y + r, y + r});
            case DIAMOND -> polygon(new double[] {x, x + r * 1.3, x, x - r * 1.3}, new double[] {y - r * 1.3, y, y + r * 1.3, y});
        };
        g.fill(shape);
    }

    private static java.awt.Shape polygon(double[] xs, double[] ys) {
        Path2D p = new Path2D.Double();
        p.moveTo(xs[0], ys[0]);
        for (int i = 1; i < xs.length; i++) {
            p.lineTo(xs[i], ys[i]);
        }
        p.closePath();
        return p;
    }

    private static void legend(Graphics2D g, Palette p, Frame f, List<Curve> curves, boolean bottomRight) {
        double s = p.scale();
        g.setFont(font(p, 13, Font.PLAIN));
        FontMetrics fm = g.getFontMetrics();
        int row = fm.getHeight() + 2;
        int width = 0;
        for (Curve c : curves) {
            width = Math.max(width, fm.stringWidth(c.label()));
        }
        int sample = (int) (44 * s);
        int boxWidth = sample + width + (int) (16 * s);
        int x = bottomRight ? f.x + f.w - boxWidth - (int) (6 * s) : f.x + (int) (10 * s);
        int y = bottomRight ? f.y + f.h - row * curves.size() - (int) (10 * s) : f.y + (int) (10 * s);
        g.setColor(RaceStyle.awt(p.background()));
        g.fillRect(x - 4, y - 2, sample + width + (int) (16 * s), row * curves.size() + 6);
        for (int i = 0; i < curves.size(); i++) {
            Curve c = curves.get(i);
            int cy = y + row * i + row / 2 + 2;
            g.setColor(RaceStyle.awt(c.style().colour(p)));
            g.setStroke(c.style().stroke((float) (2.5 * s)));
            g.draw(new java.awt.geom.Line2D.Double(x, cy, x + sample, cy));
            marker(g, c.style().marker(), x + sample / 2.0, cy, 4.5 * s);
            g.setColor(RaceStyle.awt(p.text()));
            g.drawString(c.label(), x + sample + (int) (8 * s), cy + fm.getAscent() / 2 - 1);
        }
    }
}
