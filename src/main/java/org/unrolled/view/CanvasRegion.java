package org.unrolled.view;

import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;

/** One canvas filling a region: resizing the region resizes the canvas and redraws it. */
public abstract class CanvasRegion extends Region {
    protected final Canvas canvas = new Canvas();

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
}
