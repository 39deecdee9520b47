package org.unrolled.view;

import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;
import org.unrolled.view.draw.CanvasFrames;
import org.unrolled.view.draw.DrawList;

/**
 * One canvas filling a region: resizing the region resizes the canvas and redraws it. A frame painted
 * into a {@link DrawList} and passed to {@link #show} reaches the canvas only where it differs from the
 * last one (see {@link CanvasFrames}).
 */
public abstract class CanvasRegion extends Region {
    protected final Canvas canvas = new Canvas();
    private final CanvasFrames frames = new CanvasFrames();

    protected CanvasRegion() {
        getChildren().add(canvas);
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            redraw();
        }
    }

    /** Paints the current state onto the canvas. */
    public abstract void redraw();

    /** Puts a frame on the canvas, drawing only where it differs from the frame shown before. */
    protected void show(DrawList frame) {
        frames.show(frame, canvas.getGraphicsContext2D(), canvas.getWidth(), canvas.getHeight());
    }

    /** What the last {@link #show} drew again (for tests): rectangles {@code {x0, y0, x1, y1}}. */
    public java.util.List<double[]> lastRedrawn() {
        return frames.lastRedrawn();
    }
}
