package org.unrolled.export;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.unrolled.document.DocumentTrace;
import org.unrolled.document.Vocabulary;
import org.unrolled.view.FrameRenderer;
import org.unrolled.view.Palette;
import org.unrolled.view.ViewSettings;

/**
 * Stills drawn as the window draws them (on the JavaFX thread, with what a lesson beat names ringed):
 * pixels for the deck, and the {@link ViewSettings} the vector formats draw the same still with.
 */
final class StillRenderer {
    private final DocumentTrace trace;
    private final ExportOptions o;
    private FrameRenderer renderer;

    StillRenderer(DocumentTrace trace, ExportOptions o) {
        this.trace = trace;
        this.o = o;
    }

    /** The view of a still: the theme's palette, the beat's highlights and the document's {@code words}. */
    static ViewSettings view(ExportOptions o, Vocabulary words, Stills.Still still) {
        return ViewSettings.defaults().withPalette(Palette.of(o.theme())).withHighlight(still.highlight())
                .withWords(words);
    }

    /** The still as PNG bytes of the export's size. Call from any thread but the JavaFX one. */
    byte[] png(Stills.Still still) throws Exception {
        int w = o.width();
        int h = o.height();
        int[] px = new int[w * h];
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
}
