package org.unrolled.view.draw;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Passes every call on to another pen (or to none) and notes each string drawn: its text, font size and
 * weight, and the box it occupies, placed as {@link AwtPen} and JavaFX place it and measured by the
 * {@link Metrics} given (java.awt's by default). For
 * audits of a frame's text (which labels collide, which are too small) without looking at pixels.
 */
public final class RecordingPen implements Pen {
    /** One string drawn: {@code x, y, w, h} is its box from the top of the ascent to the bottom of the descent. */
    public record DrawnText(String text, double size, boolean bold, double x, double y, double w, double h, double alpha) {
    }

    /** One polyline stroked (a chart's data), {@code width} pixels wide. */
    public record DrawnPath(double[] xs, double[] ys, double width) {
    }

    /** One rectangle outlined (a chart's frame). */
    public record DrawnBox(double x, double y, double w, double h) {
    }

    /**
     * One rounded rectangle outlined (a cell's border, a lesson's ring): its outline, the arc's width (a
     * diameter, as JavaFX takes it), the line's width and colour.
     */
    public record DrawnRoundRect(double x, double y, double w, double h, double arc, double lineWidth, Color stroke) {
    }

    /** One oval filled (a dot, a lesson's badge), in its bounding box, and its colour. */
    public record DrawnOval(double x, double y, double w, double h, Color fill) {
    }

    /**
     * How a string's box is measured: its width, and the font's ascent and descent. The AWT measure (the
     * default) needs java.awt's font machinery, which takes a while to load; the window, which has JavaFX's
     * measure at hand, passes that instead (the two give the same boxes for the bundled fonts).
     */
    public interface Metrics {
        double width(Font font, String text);

        double ascent(Font font);

        double descent(Font font);
    }

    /** The bundled fonts measured through java.awt, as {@link AwtPen} places them. */
    public static final Metrics AWT = new Metrics() {
        @Override
        public double width(Font font, String text) {
            return AwtFonts.width(AwtFonts.of(font), text);
        }

        @Override
        public double ascent(Font font) {
            return AwtFonts.ascent(AwtFonts.of(font));
        }

        @Override
        public double descent(Font font) {
            return AwtFonts.descent(AwtFonts.of(font));
        }
    };

    private final Pen next;
    private final Metrics metrics;
    private final List<DrawnText> texts = new ArrayList<>();
    private final List<DrawnPath> paths = new ArrayList<>();
    private final List<DrawnBox> boxes = new ArrayList<>();
    private final List<DrawnRoundRect> roundRects = new ArrayList<>();
    private final List<DrawnOval> ovals = new ArrayList<>();
    private double lineWidth = 1;
    private Color stroke = Color.BLACK;
    private Color fill = Color.BLACK;
    private Font font;
    private TextAlignment align = TextAlignment.LEFT;
    private VPos baseline = VPos.BASELINE;
    private double alpha = 1;
    private final java.util.Deque<Object[]> saved = new java.util.ArrayDeque<>();

    /** Records and draws through {@code next}; {@code null} only records. */
    public RecordingPen(Pen next) {
        this(next, AWT);
    }

    /** Records and draws through {@code next}, measuring strings with {@code metrics}. */
    public RecordingPen(Pen next, Metrics metrics) {
        this.next = next;
        this.metrics = metrics;
    }

    public List<DrawnText> texts() {
        return List.copyOf(texts);
    }

    /** The polylines stroked, in order. */
    public List<DrawnPath> paths() {
        return List.copyOf(paths);
    }

    /** The rectangles outlined, in order. */
    public List<DrawnBox> boxes() {
        return List.copyOf(boxes);
    }

    /** The ovals filled, in order. */
    public List<DrawnOval> ovals() {
        return List.copyOf(ovals);
    }

    /** The rounded rectangles outlined, in order. */
    public List<DrawnRoundRect> roundRects() {
        return List.copyOf(roundRects);
    }

    @Override
    public void save() {
        saved.push(new Object[] {font, align, baseline, alpha, lineWidth, stroke, fill});
        if (next != null) {
            next.save();
        }
    }

    @Override
    public void restore() {
        if (!saved.isEmpty()) {
            Object[] st = saved.pop();
            font = (Font) st[0];
            align = (TextAlignment) st[1];
            baseline = (VPos) st[2];
            alpha = (Double) st[3];
            lineWidth = (Double) st[4];
            stroke = (Color) st[5];
            fill = (Color) st[6];
        }
        if (next != null) {
            next.restore();
        }
    }

    @Override
    public void setFill(Color c) {
        fill = c;
        if (next != null) {
            next.setFill(c);
        }
    }

    @Override
    public void setStroke(Color c) {
        stroke = c;
        if (next != null) {
            next.setStroke(c);
        }
    }

    @Override
    public void setGlobalAlpha(double a) {
        alpha = Math.max(0, Math.min(1, a));
        if (next != null) {
            next.setGlobalAlpha(a);
        }
    }

    @Override
    public double getGlobalAlpha() {
        return alpha;
    }

    @Override
    public void setLineWidth(double w) {
        if (w > 0 && Double.isFinite(w)) {
            lineWidth = w;
        }
        if (next != null) {
            next.setLineWidth(w);
        }
    }

    @Override
    public void setLineCap(StrokeLineCap cap) {
        if (next != null) {
            next.setLineCap(cap);
        }
    }

    @Override
    public void setLineDashes(double... dashes) {
        if (next != null) {
            next.setLineDashes(dashes);
        }
    }

    @Override
    public void setFont(Font f) {
        font = f;
        if (next != null) {
            next.setFont(f);
        }
    }

    @Override
    public void setTextAlign(TextAlignment a) {
        align = a;
        if (next != null) {
            next.setTextAlign(a);
        }
    }

    @Override
    public void setTextBaseline(VPos b) {
        baseline = b;
        if (next != null) {
            next.setTextBaseline(b);
        }
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
        if (next != null) {
            next.fillRect(x, y, w, h);
        }
    }

    @Override
    public void strokeRect(double x, double y, double w, double h) {
        boxes.add(new DrawnBox(x, y, w, h));
        if (next != null) {
            next.strokeRect(x, y, w, h);
        }
    }

    @Override
    public void fillRoundRect(double x, double y, double w, double h, double aw, double ah) {
        if (next != null) {
            next.fillRoundRect(x, y, w, h, aw, ah);
        }
    }

    @Override
    public void strokeRoundRect(double x, double y, double w, double h, double aw, double ah) {
        roundRects.add(new DrawnRoundRect(x, y, w, h, Math.min(aw, ah), lineWidth, stroke));
        if (next != null) {
            next.strokeRoundRect(x, y, w, h, aw, ah);
        }
    }

    @Override
    public void fillOval(double x, double y, double w, double h) {
        ovals.add(new DrawnOval(x, y, w, h, fill));
        if (next != null) {
            next.fillOval(x, y, w, h);
        }
    }

    @Override
    public void strokeOval(double x, double y, double w, double h) {
        if (next != null) {
            next.strokeOval(x, y, w, h);
        }
    }

    @Override
    public void strokeLine(double x0, double y0, double x1, double y1) {
        if (next != null) {
            next.strokeLine(x0, y0, x1, y1);
        }
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, int n) {
        if (next != null) {
            next.fillPolygon(xs, ys, n);
        }
    }

    @Override
    public void strokePolyline(double[] xs, double[] ys, int n) {
        paths.add(new DrawnPath(java.util.Arrays.copyOf(xs, n), java.util.Arrays.copyOf(ys, n), lineWidth));
        if (next != null) {
            next.strokePolyline(xs, ys, n);
        }
    }

    @Override
    public void fillText(String text, double x, double y) {
        note(text, x, y, Double.POSITIVE_INFINITY);
        // passed on as it came: the frame's list keeps the same operation with or without a lesson's
        // recording, so a ring appearing does not make every string on the canvas count as changed
        if (next != null) {
            next.fillText(text, x, y);
        }
    }

    @Override
    public void fillText(String text, double x, double y, double maxWidth) {
        note(text, x, y, maxWidth);
        if (next != null) {
            next.fillText(text, x, y, maxWidth);
        }
    }

    private void note(String text, double x, double y, double maxWidth) {
        if (text != null && !text.isEmpty() && font != null) {
            double w = Math.min(metrics.width(font, text), maxWidth > 0 ? maxWidth : Double.POSITIVE_INFINITY);
            double left = align == TextAlignment.CENTER ? x - w / 2 : align == TextAlignment.RIGHT ? x - w : x;
            double ascent = metrics.ascent(font);
            double descent = metrics.descent(font);
            double base = y + TextPlace.baselineOffset(baseline, ascent, descent);
            texts.add(new DrawnText(text, font.getSize(), TextPlace.isBold(font), left, base - ascent, w,
                    ascent + descent, alpha));
        }
    }

    @Override
    public void clipRect(double x, double y, double w, double h) {
        if (next != null) {
            next.clipRect(x, y, w, h);
        }
    }
}
