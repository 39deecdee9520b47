package org.unrolled.view.draw;

import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.unrolled.view.Fonts;

/**
 * A pen that places a painting in part of a larger picture: every coordinate, length, line width, dash
 * and font size is multiplied by {@code scale} and moved by {@code (dx, dy)}. So a painter made for a
 * canvas of its own (the network, the gradient plot) draws into a region of a composed frame, larger
 * when the frame must be read from far away, through any pen (JavaFX canvas, SVG, PDF, recording).
 */
public final class ScaledPen implements Pen {
    private final Pen next;
    private final double dx;
    private final double dy;
    private final double scale;

    public ScaledPen(Pen next, double dx, double dy, double scale) {
        this.next = next;
        this.dx = dx;
        this.dy = dy;
        this.scale = scale;
    }

    private double x(double x) {
        return dx + x * scale;
    }

    private double y(double y) {
        return dy + y * scale;
    }

    private double[] xs(double[] v, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = x(v[i]);
        }
        return out;
    }

    private double[] ys(double[] v, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = y(v[i]);
        }
        return out;
    }

    @Override
    public void save() {
        next.save();
    }

    @Override
    public void restore() {
        next.restore();
    }

    @Override
    public void setFill(Color c) {
        next.setFill(c);
    }

    @Override
    public void setStroke(Color c) {
        next.setStroke(c);
    }

    @Override
    public void setGlobalAlpha(double alpha) {
        next.setGlobalAlpha(alpha);
    }

    @Override
    public double getGlobalAlpha() {
        return next.getGlobalAlpha();
    }

    @Override
    public void setLineWidth(double w) {
        next.setLineWidth(w * scale);
    }

    @Override
    public void setLineCap(StrokeLineCap cap) {
        next.setLineCap(cap);
    }

    @Override
    public void setLineDashes(double... dashes) {
        if (dashes == null) {
            next.setLineDashes((double[]) null);
            return;
        }
        double[] d = new double[dashes.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = dashes[i] * scale;
        }
        next.setLineDashes(d);
    }

    @Override
    public void setFont(Font font) {
        double size = font.getSize() * scale;
        next.setFont(AwtFonts.isBold(font) ? Fonts.bold(size) : Fonts.regular(size));
    }

    @Override
    public void setTextAlign(TextAlignment align) {
        next.setTextAlign(align);
    }

    @Override
    public void setTextBaseline(VPos baseline) {
        next.setTextBaseline(baseline);
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
        next.fillRect(x(x), y(y), w * scale, h * scale);
    }

    @Override
    public void strokeRect(double x, double y, double w, double h) {
        next.strokeRect(x(x), y(y), w * scale, h * scale);
    }

    @Override
    public void fillRoundRect(double x, double y, double w, double h, double aw, double ah) {
        next.fillRoundRect(x(x), y(y), w * scale, h * scale, aw * scale, ah * scale);
    }

    @Override
    public void strokeRoundRect(double x, double y, double w, double h, double aw, double ah) {
        next.strokeRoundRect(x(x), y(y), w * scale, h * scale, aw * scale, ah * scale);
    }

    @Override
    public void fillOval(double x, double y, double w, double h) {
        next.fillOval(x(x), y(y), w * scale, h * scale);
    }

    @Override
    public void strokeOval(double x, double y, double w, double h) {
        next.strokeOval(x(x), y(y), w * scale, h * scale);
    }

    @Override
    public void strokeLine(double x0, double y0, double x1, double y1) {
        next.strokeLine(x(x0), y(y0), x(x1), y(y1));
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, int n) {
        next.fillPolygon(xs(xs, n), ys(ys, n), n);
    }

    @Override
    public void strokePolyline(double[] xs, double[] ys, int n) {
        next.strokePolyline(xs(xs, n), ys(ys, n), n);
    }

    @Override
    public void fillText(String text, double x, double y) {
        next.fillText(text, x(x), y(y));
    }

    @Override
    public void fillText(String text, double x, double y, double maxWidth) {
        next.fillText(text, x(x), y(y), maxWidth * scale);
    }

    @Override
    public void clipRect(double x, double y, double w, double h) {
        next.clipRect(x(x), y(y), w * scale, h * scale);
    }
}
