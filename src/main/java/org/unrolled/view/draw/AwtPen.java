package org.unrolled.view.draw;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.ArrayDeque;
import java.util.Deque;
import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * A pen over {@code java.awt.Graphics2D}: a {@code BufferedImage}, JFreeSVG's SVG or pdfbox-graphics2d's
 * PDF page. Keeps JavaFX's canvas state model itself (global alpha folded into each colour, text aligned
 * and placed on its baseline as JavaFX does), so the same painter gives the same picture.
 */
public final class AwtPen implements Pen {
    private final Graphics2D g;
    private State s = new State();
    private final Deque<State> saved = new ArrayDeque<>();

    /** Everything {@link #save} keeps. */
    private static final class State implements Cloneable {
        Color fill = Color.BLACK;
        Color stroke = Color.BLACK;
        double alpha = 1;
        double lineWidth = 1;
        StrokeLineCap cap = StrokeLineCap.SQUARE;
        double[] dashes;
        Font font;
        java.awt.Font awtFont;
        TextAlignment align = TextAlignment.LEFT;
        VPos baseline = VPos.BASELINE;
        Shape clip;

        State copy() {
            try {
                return (State) clone();
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }
    }

    /** Whether letters the bundled font lacks are drawn from the system's fonts ({@link AwtFonts#withFallback}). */
    private final boolean fallbackLetters;

    /** A pen for pixels or a PDF page: letters the bundled font lacks come from the system's fonts. */
    public AwtPen(Graphics2D g) {
        this(g, true);
    }

    /**
     * A pen for an SVG: every string stays text in the bundled face, which the SVG names; its viewer draws
     * any letter the face lacks from its own fonts (drawn here, they would become outlines, not text).
     */
    public static AwtPen keepingText(Graphics2D g) {
        return new AwtPen(g, false);
    }

    private AwtPen(Graphics2D g, boolean fallbackLetters) {
        this.g = g;
        this.fallbackLetters = fallbackLetters;
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        s.clip = g.getClip();
    }

    @Override
    public void save() {
        saved.push(s.copy());
    }

    @Override
    public void restore() {
        if (saved.isEmpty()) {
            return; // as on a JavaFX canvas: a restore without a save does nothing
        }
        Shape clip = s.clip;
        s = saved.pop();
        if (clip != s.clip) {
            g.setClip(s.clip);
        }
    }

    @Override
    public void setFill(Color c) {
        s.fill = c;
    }

    @Override
    public void setStroke(Color c) {
        s.stroke = c;
    }

    @Override
    public void setGlobalAlpha(double alpha) {
        s.alpha = Math.max(0, Math.min(1, alpha));
    }

    @Override
    public double getGlobalAlpha() {
        return s.alpha;
    }

    @Override
    public void setLineWidth(double w) {
        if (w > 0 && Double.isFinite(w)) {
            s.lineWidth = w;
        }
    }

    @Override
    public void setLineCap(StrokeLineCap cap) {
        s.cap = cap;
    }

    @Override
    public void setLineDashes(double... dashes) {
        s.dashes = dashes == null || dashes.length == 0 ? null : dashes.clone();
    }

    @Override
    public void setFont(Font font) {
        s.font = font;
        s.awtFont = AwtFonts.of(font);
    }

    @Override
    public void setTextAlign(TextAlignment align) {
        s.align = align;
    }

    @Override
    public void setTextBaseline(VPos baseline) {
        s.baseline = baseline;
    }

    private static java.awt.Color awt(Color c, double alpha) {
        return new java.awt.Color((float) c.getRed(), (float) c.getGreen(), (float) c.getBlue(),
                (float) (c.getOpacity() * alpha));
    }

    private void fill(Shape shape) {
        g.setColor(awt(s.fill, s.alpha));
        g.fill(shape);
    }

    private void stroke(Shape shape) {
        g.setColor(awt(s.stroke, s.alpha));
        int cap = switch (s.cap) {
            case BUTT -> BasicStroke.CAP_BUTT;
            case ROUND -> BasicStroke.CAP_ROUND;
            default -> BasicStroke.CAP_SQUARE;
        };
        float[] dash = null;
        if (s.dashes != null) {
            dash = new float[s.dashes.length];
            for (int i = 0; i < dash.length; i++) {
                dash[i] = (float) s.dashes[i];
            }
        }
        g.setStroke(new BasicStroke((float) s.lineWidth, cap, BasicStroke.JOIN_MITER, 10f, dash, 0f));
        g.draw(shape);
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
        fill(new Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void strokeRect(double x, double y, double w, double h) {
        stroke(new Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void fillRoundRect(double x, double y, double w, double h, double arcWidth, double arcHeight) {
        fill(new RoundRectangle2D.Double(x, y, w, h, arcWidth, arcHeight));
    }

    @Override
    public void strokeRoundRect(double x, double y, double w, double h, double arcWidth, double arcHeight) {
        stroke(new RoundRectangle2D.Double(x, y, w, h, arcWidth, arcHeight));
    }

    @Override
    public void fillOval(double x, double y, double w, double h) {
        fill(new Ellipse2D.Double(x, y, w, h));
    }

    @Override
    public void strokeOval(double x, double y, double w, double h) {
        stroke(new Ellipse2D.Double(x, y, w, h));
    }

    @Override
    public void strokeLine(double x0, double y0, double x1, double y1) {
        stroke(new Line2D.Double(x0, y0, x1, y1));
    }

    private static Path2D path(double[] xs, double[] ys, int n, boolean close) {
        Path2D.Double p = new Path2D.Double();
        for (int i = 0; i < n; i++) {
            if (i == 0) {
                p.moveTo(xs[i], ys[i]);
            } else {
                p.lineTo(xs[i], ys[i]);
            }
        }
        if (close) {
            p.closePath();
        }
        return p;
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, int n) {
        fill(path(xs, ys, n, true));
    }

    @Override
    public void strokePolyline(double[] xs, double[] ys, int n) {
        stroke(path(xs, ys, n, false));
    }

    @Override
    public void fillText(String text, double x, double y) {
        fillText(text, x, y, Double.POSITIVE_INFINITY);
    }

    @Override
    public void fillText(String text, double x, double y, double maxWidth) {
        if (text == null || text.isEmpty() || s.awtFont == null) {
            return;
        }
        java.text.AttributedString runs = fallbackLetters ? AwtFonts.withFallback(s.awtFont, text) : null;
        double width = runs == null ? s.awtFont.getStringBounds(text, AwtFonts.FRC).getWidth() : AwtFonts.width(runs);
        double squeeze = width > maxWidth && maxWidth > 0 ? maxWidth / width : 1;
        double shown = width * squeeze;
        double left = switch (s.align) {
            case CENTER -> x - shown / 2;
            case RIGHT -> x - shown;
            default -> x;
        };
        double base = y + AwtFonts.baselineOffset(s.awtFont, s.baseline);
        g.setColor(awt(s.fill, s.alpha));
        g.setFont(s.awtFont);
        AffineTransform before = g.getTransform();
        try {
            if (squeeze != 1) {
                g.translate(left, base);
                g.scale(squeeze, 1);
                left = 0;
                base = 0;
            }
            if (runs == null) {
                g.drawString(text, (float) left, (float) base);
            } else {
                g.drawString(runs.getIterator(), (float) left, (float) base);
            }
        } finally {
            g.setTransform(before);
        }
    }

    @Override
    public void clipRect(double x, double y, double w, double h) {
        g.clip(new Rectangle2D.Double(x, y, w, h));
        s.clip = g.getClip();
    }
}
