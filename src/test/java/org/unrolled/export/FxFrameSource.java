package org.unrolled.export;

import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.unrolled.document.DocumentTrace;
import org.unrolled.engine.Trace;
import org.unrolled.view.FrameRenderer;
import org.unrolled.view.Palette;
import org.unrolled.view.ViewSettings;
import org.unrolled.view.draw.FxPen;

/**
 * Frames drawn by the window's own painter on a JavaFX canvas, on the JavaFX thread (with or without a
 * display), and read back as pixels: what the window shows, for comparing with the frames the exports draw
 * through Java2D ({@link AwtFrameSource}), and as the exports drew them until session 10. Call
 * {@link #render} from any thread but the FX one.
 */
public final class FxFrameSource implements FrameSource {
    private final Trace trace;
    private final ViewSettings view;
    private final int width;
    private final int height;
    private FrameRenderer renderer;
    private final Presenter presenter;

    public FxFrameSource(DocumentTrace shown, ExportOptions o) {
        this.trace = shown.trace();
        this.width = o.width();
        this.height = o.height();
        this.view = ViewSettings.defaults().withPalette(Palette.of(o.theme())).withWords(shown.vocabulary());
        this.presenter = o.layout() == ExportOptions.Layout.PRESENTATION ? new Presenter(shown, o) : null;
    }

    @Override
    public void render(FramePlan plan, int i, int[] pixels) throws Exception {
        Stills.Still still = presenter == null ? null : plan.still(i);
        if (still == null) {
            render(plan.position(i), pixels);
        } else {
            presenter.render(still, presenter.scale(plan, i), pixels);
        }
    }

    /** Whether every pixel's alpha is 255, where premultiplied and straight ARGB are the same numbers. */
    static boolean opaque(int[] argb) {
        int all = 0xff000000;
        for (int p : argb) {
            all &= p;
        }
        return all == 0xff000000;
    }

    @Override
    public void render(double position, int[] pixels) throws Exception {
        FxThread.call(() -> {
            if (renderer == null) {
                renderer = new FrameRenderer(width, height);
            }
            WritableImage img = renderer.render(trace, view, position);
            // the snapshot holds premultiplied pixels: read them as they are (a copy), and convert only a frame
            // that has a pixel not fully opaque (none has: the painter fills the background), where the two differ
            img.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbPreInstance(), pixels, 0, width);
            if (!opaque(pixels)) {
                img.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), pixels, 0, width);
            }
            return null;
        });
    }

    /** Presentation-layout frames painted on a JavaFX canvas and read back as pixels. */
    static final class Presenter {
        private final DocumentTrace trace;
        private final ExportOptions o;
        private final SnapshotParameters params = new SnapshotParameters();
        private Canvas canvas;
        private WritableImage image;
        private PresentationLayout layout;

        Presenter(DocumentTrace trace, ExportOptions o) {
            this.trace = trace;
            this.o = o;
            params.setFill(Color.TRANSPARENT);
        }

        /** The last still drawn, its scale and its pixels: a beat held on screen is many frames of one still. */
        private Stills.Still last;
        private double lastScale;
        private int[] lastPixels;

        /**
         * The network's scale in frame {@code i}: from the export's starting zoom, the first frame of the plan
         * on, each from the one before.
         */
        double scale(FramePlan plan, int i) {
            PresentationLayout sizes = PresentationLayout.forExport(trace, o);
            double scale = sizes.start();
            for (int k = 0; k <= i; k++) {
                scale = sizes.scale(plan.still(k), scale);
            }
            return scale;
        }

        /** Fills {@code px} with the frame of {@code still}. Call from any thread but the JavaFX one. */
        void render(Stills.Still still, double scale, int[] px) throws Exception {
            int w = o.width();
            int h = o.height();
            if (still.equals(last) && scale == lastScale) {
                System.arraycopy(lastPixels, 0, px, 0, px.length);
                return;
            }
            FxThread.call(() -> {
                if (canvas == null) {
                    canvas = new Canvas(w, h);
                }
                if (layout == null) {
                    layout = new PresentationLayout(trace, Palette.of(o.theme()), w, h);
                }
                layout.paint(new FxPen(canvas.getGraphicsContext2D()), still, scale);
                image = canvas.snapshot(params, image);
                image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), px, 0, w);
                return null;
            });
            last = still;
            lastScale = scale;
            lastPixels = lastPixels == null ? px.clone() : lastPixels;
            System.arraycopy(px, 0, lastPixels, 0, px.length);
        }
    }
}
