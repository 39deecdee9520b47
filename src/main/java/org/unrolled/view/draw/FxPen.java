package org.unrolled.view.draw;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/** The window's pen: every call passes straight to a JavaFX canvas, so the canvas draws exactly as before. */
public final class FxPen implements Pen {
    private final GraphicsContext gc;

    public FxPen(GraphicsContext gc) {
        this.gc = gc;
    }

    @Override
    public void save() {
        gc.save();
    }

    @Override
    public void restore() {
        gc.restore();
    }

    @Override
    public void setFill(Color c) {
        gc.setFill(c);
    }

    @Override
    public void setStroke(Color c) {
        gc.setStroke(c);
    }

    @Override
    public void setGlobalAlpha(double alpha) {
        gc.setGlobalAlpha(alpha);
    }

    @Override
    public double getGlobalAlpha() {
        return gc.getGlobalAlpha();
    }

    @Override
    public void setLineWidth(double w) {
        gc.setLineWidth(w);
    }

    @Override
    public void setLineCap(StrokeLineCap cap) {
        gc.setLineCap(cap);
    }

    @Override
    public void setLineDashes(double... dashes) {
        gc.setLineDashes(dashes);
    }

    @Override
    public void setFont(Font font) {
        gc.setFont(font);
    }

    @Override
    public void setTextAlign(TextAlignment align) {
        gc.setTextAlign(align);
    }

    @Override
    public void setTextBaseline(VPos baseline) {
        gc.setTextBaseline(baseline);
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
        gc.fillRect(x, y, w, h);
    }

    @Override
    public void strokeRect(double x, double y, double w, double h) {
        gc.strokeRect(x, y, w, h);
    }

    @Override
    public void fillRoundRect(double x, double y, double w, double h, double arcWidth, double arcHeight) {
        gc.fillRoundRect(x, y, w, h, arcWidth, arcHeight);
    }

    @Override
    public void strokeRoundRect(double x, double y, double w, double h, double arcWidth, double arcHeight) {
        gc.strokeRoundRect(x, y, w, h, arcWidth, arcHeight);
    }

    @Override
    public void fillOval(double x, double y, double w, double h) {
        gc.fillOval(x, y, w, h);
    }

    @Override
    public void strokeOval(double x, double y, double w, double h) {
        gc.strokeOval(x, y, w, h);
    }

    @Override
    public void strokeLine(double x0, double y0, double x1, double y1) {
        gc.strokeLine(x0, y0, x1, y1);
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, int n) {
        gc.fillPolygon(xs, ys, n);
    }

    @Override
    public void strokePolyline(double[] xs, double[] ys, int n) {
        gc.strokePolyline(xs, ys, n);
    }

    @Override
    public void fillText(String text, double x, double y) {
        gc.fillText(text, x, y);
    }

    @Override
    public void fillText(String text, double x, double y, double maxWidth) {
        gc.fillText(text, x, y, maxWidth);
    }

    @Override
    public void clipRect(double x, double y, double w, double h) {
        gc.beginPath();
        gc.rect(x, y, w, h);
        gc.clip();
    }
}
