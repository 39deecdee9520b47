package org.unrolled.view;

import java.util.ArrayList;
import java.util.List;
import javafx.application.ConditionalFeature;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import org.unrolled.view.draw.CanvasFrames;
import org.unrolled.view.draw.DrawList;

/**
 * A picture filling a region: resizing the region resizes its canvas and redraws. A frame painted into a
 * {@link DrawList} and passed to {@link #show} reaches the canvas only where it differs from the last one
 * (see {@link CanvasFrames}).
 *
 * <p>Where JavaFX draws in software, the picture is cut into vertical strips, a canvas each, side by
 * side: JavaFX puts a canvas that was drawn on back on screen in whole, and putting the network's one
 * 1490×808 canvas back cost more of a step than drawing what changed on it, though a step changes a few
 * columns only. Each strip draws the picture moved by its left edge (a whole number of pixels), so shapes
 * fall on the same pixels as on one canvas; a glyph may rarely land one pixel apart, where its position
 * rounds the other way at the smaller coordinate (and a glyph across an edge could then show its two
 * halves a pixel apart). On a graphics card, putting a canvas on screen is cheap: there is one canvas.
 */
public abstract class CanvasRegion extends Region {
    /** Strips are about this wide. */
    private static final double STRIP_WIDTH = 320;
    private final boolean inStrips = !Platform.isSupported(ConditionalFeature.SCENE3D);
    private final List<Canvas> strips = new ArrayList<>();
    private final List<CanvasFrames.Strip> targets = new ArrayList<>();
    private final CanvasFrames frames = new CanvasFrames();
    private double pictureWidth;
    private double pictureHeight;

    protected CanvasRegion() {
        Canvas first = new Canvas();
        strips.add(first);
        getChildren().add(first);
        // the window moved to a screen of another scale: JavaFX lays nothing out again by itself, and the
        // strips' edges must move to the new whole pixels
        sceneProperty().flatMap(Scene::windowProperty).flatMap(Window::renderScaleXProperty)
                .addListener((o, was, now) -> requestLayout());
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (pictureWidth != w || pictureHeight != h) {
            pictureWidth = w;
            pictureHeight = h;
            placeStrips(w, h);
            redraw();
        } else if (!edges(w).equals(targets.stream().map(CanvasFrames.Strip::x1).toList())) {
            // the same size on a screen of another scale: the edges move to its whole pixels
            placeStrips(w, h);
            redrawInFull();
        }
    }

    /** The strips' right edges for a picture {@code w} wide, on whole screen pixels (so none is drawn blurred). */
    private List<Double> edges(double w) {
        int n = inStrips ? Math.max(1, (int) Math.round(w / STRIP_WIDTH)) : 1;
        List<Double> edges = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            edges.add(k == n - 1 ? w : snapPositionX(w * (k + 1) / n));
        }
        return edges;
    }

    /** Cuts the width into strips, side by side. */
    private void placeStrips(double w, double h) {
        List<Double> edges = edges(w);
        int n = edges.size();
        while (strips.size() < n) {
            Canvas c = new Canvas();
            strips.add(c);
            getChildren().add(c);
        }
        while (strips.size() > n) {
            getChildren().remove(strips.remove(strips.size() - 1));
        }
        targets.clear();
        double x0 = 0;
        for (int k = 0; k < n; k++) {
            double x1 = edges.get(k);
            Canvas c = strips.get(k);
            c.setLayoutX(x0);
            c.setWidth(x1 - x0);
            c.setHeight(h);
            targets.add(new CanvasFrames.Strip(c.getGraphicsContext2D(), x0, x1));
            x0 = x1;
        }
    }

    /** The picture's width: the region's, snapped to whole pixels. */
    protected double pictureWidth() {
        return pictureWidth;
    }

    /** The picture's height. */
    protected double pictureHeight() {
        return pictureHeight;
    }

    /** Paints the current state onto the canvas. */
    public abstract void redraw();

    /** Paints the current state onto the whole canvas, as if nothing had been drawn on it before. */
    public void redrawInFull() {
        frames.forget();
        redraw();
    }

    /** Puts a frame on the canvas, drawing only where it differs from the frame shown before. */
    protected void show(DrawList frame) {
        frames.show(frame, targets, pictureWidth, pictureHeight);
    }

    /** What the last {@link #show} drew again (for tests): rectangles {@code {x0, y0, x1, y1}}. */
    public List<double[]> lastRedrawn() {
        return frames.lastRedrawn();
    }
}
