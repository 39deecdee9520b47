package org.unrolled.view;

import java.awt.image.BufferedImage;
import java.util.List;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.unrolled.engine.Trace;
import org.unrolled.view.draw.FxPen;

/** Renders frames off screen: the same painter as the window, into an image. Call on the FX thread. */
public final class FrameRenderer {
    private final Canvas canvas;
    private final SnapshotParameters params = new SnapshotParameters();
    private WritableImage image;

    public FrameRenderer(int width, int height) {
        canvas = new Canvas(width, height);
        params.setFill(Color.TRANSPARENT);
    }

    /** Paints the frame at {@code position} and returns the hit areas (for tests). */
    public List<Hit> paint(Trace trace, ViewSettings view, double position) {
        NetworkLayout layout = NetworkLayout.compute(trace, view, position, canvas.getWidth(), canvas.getHeight());
        return NetworkPainter.paint(new FxPen(canvas.getGraphicsContext2D()), layout, position, view.palette(), null,
                view.highlight(), view.hideUncomputed(), view.words());
    }

    /** Paints the rolled view unfolded by {@code unfold} (0 rolled, 1 unrolled) and snapshots it. */
    public WritableImage renderRolled(Trace trace, ViewSettings view, double unfold) {
        NetworkLayout layout = NetworkLayout.compute(trace, view.fitted(), 0, canvas.getWidth(), canvas.getHeight());
        RolledPainter.paintPicture(new FxPen(canvas.getGraphicsContext2D()), layout, view.palette(), unfold);
        image = canvas.snapshot(params, image);
        return image;
    }

    /** Paints and snapshots; the returned image is reused by the next call. */
    public WritableImage render(Trace trace, ViewSettings view, double position) {
        paint(trace, view, position);
        image = canvas.snapshot(params, image);
        return image;
    }

    /** Copies a JavaFX image into an AWT one for encoding (no javafx-swing needed). */
    public static BufferedImage toBufferedImage(WritableImage img, BufferedImage reuse) {
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        BufferedImage out = reuse != null && reuse.getWidth() == w && reuse.getHeight() == h
                ? reuse : new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        int[] row = new int[w * h];
        img.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), row, 0, w);
        out.setRGB(0, 0, w, h, row, 0, w);
        return out;
    }
}
