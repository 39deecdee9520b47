package org.unrolled.view.draw;

import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * What the painters draw with: the few calls of JavaFX's {@code GraphicsContext} they use, so that one
 * painter draws the window's canvas ({@link FxPen}), an SVG or PDF page through {@code java.awt.Graphics2D}
 * ({@link AwtPen}), or only notes what it would draw ({@link RecordingPen}). The state calls (fill, stroke,
 * alpha, line, font, text alignment) behave as they do on a JavaFX canvas, and {@link #save}/{@link #restore}
 * keep and bring back all of them and the clip.
 */
public interface Pen {
    void save();

    void restore();

    void setFill(Color c);

    void setStroke(Color c);

    /** Multiplies every colour's opacity from now on, as JavaFX's global alpha does. */
    void setGlobalAlpha(double alpha);

    double getGlobalAlpha();

    void setLineWidth(double w);

    void setLineCap(StrokeLineCap cap);

    /** Dash lengths, or none ({@code null} or empty) for a solid line. */
    void setLineDashes(double... dashes);

    /** One of the bundled faces: {@link org.unrolled.view.Fonts#regular} or {@link org.unrolled.view.Fonts#bold}. */
    void setFont(Font font);

    void setTextAlign(TextAlignment align);

    void setTextBaseline(VPos baseline);

    void fillRect(double x, double y, double w, double h);

    void strokeRect(double x, double y, double w, double h);

    void fillRoundRect(double x, double y, double w, double h, double arcWidth, double arcHeight);

    void strokeRoundRect(double x, double y, double w, double h, double arcWidth, double arcHeight);

    void fillOval(double x, double y, double w, double h);

    void strokeOval(double x, double y, double w, double h);

    void strokeLine(double x0, double y0, double x1, double y1);

    void fillPolygon(double[] xs, double[] ys, int n);

    void strokePolyline(double[] xs, double[] ys, int n);

    void fillText(String text, double x, double y);

    /** Text squeezed horizontally to at most {@code maxWidth}, as JavaFX does. */
    void fillText(String text, double x, double y, double maxWidth);

    /** Narrows the clip to a rectangle, until the matching {@link #restore}. */
    void clipRect(double x, double y, double w, double h);
}
