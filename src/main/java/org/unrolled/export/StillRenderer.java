package org.unrolled.export;

import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.unrolled.document.DocumentTrace;
import org.unrolled.document.Vocabulary;
import org.unrolled.view.FrameRenderer;
import org.unrolled.view.Palette;
import org.unrolled.view.ViewSettings;
import org.unrolled.view.draw.FxPen;

/**
 * Stills drawn as the window draws them (on the JavaFX thread, with what a lesson beat names ringed), in
 * the export's layout: pixels for the deck, and the {@link ViewSettings} the vector formats draw the same
 * still with.
 */
final class StillRenderer {
    private final DocumentTrace trace;
    private final ExportOptions o;
    private FrameRenderer renderer;
    private Presenter presenter;

    StillRenderer(DocumentTrace trace, ExportOptions o) {
        this.trace = trace;
        this.o = o;
    }

    /** The view of a still: the theme's palette, the beat's highlights and the document's {@code words}. */
    static ViewSettings view(ExportOptions o, Vocabulary words, Stills.Still still) {
        return view(Palette.of(o.theme()), words, still);
    }

    static ViewSettings view(Palette palette, Vocabulary words, Stills.Still still) {
        return ViewSettings.defaults().withPalette(palette).withHighlight(still.highlight())
                .withHideUncomputed(still.hidesUncomputed()).withWords(words);
    }

    /** The still as PNG bytes of the export's size. Call from any thread but the JavaFX one. */
    byte[] png(Stills.Still still) throws Exception {
        int w = o.width();
        int h = o.height();
        int[] px = new int[w * h];
        if (o.layout() == ExportOptions.Layout.PRESENTATION) {
            if (presenter == null) {
                presenter = new Presenter(trace, o);
            }
            presenter.render(still, px);
            return Exporter.encode(px, w, h);
        }
        FxThread.call(() -> {
            if (renderer == null) {
                renderer = new FrameRenderer(w, h);
            }
            WritableImage img = renderer.render(trace.trace(), view(o, trace.vocabulary(), still), still.position());
            img.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), px, 0, w);
            return null;
        });
        return Exporter.encode(px, w, h);
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

        /** The last still drawn and its pixels: a beat held on screen is many frames of one still. */
        private Stills.Still last;
        private int[] lastPixels;

        /** Fills {@code px} with the frame of {@code still}. Call from any thread but the JavaFX one. */
        void render(Stills.Still still, int[] px) throws Exception {
            int w = o.width();
            int h = o.height();
            if (still.equals(last)) {
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
                layout.paint(new FxPen(canvas.getGraphicsContext2D()), still);
                image = canvas.snapshot(params, image);
                image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), px, 0, w);
                return null;
            });
            last = still;
            lastPixels = lastPixels == null ? px.clone() : lastPixels;
            System.arraycopy(px, 0, lastPixels, 0, px.length);
        }
    }
}
