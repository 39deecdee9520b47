package org.unrolled.export;

import org.unrolled.document.DocumentTrace;
import org.unrolled.document.Vocabulary;
import org.unrolled.view.Palette;
import org.unrolled.view.ViewSettings;

/**
 * Stills drawn as the window draws them (with what a lesson beat names ringed), in the export's layout,
 * through Java2D as the other raster exports draw: pixels for the deck, and the {@link ViewSettings} the
 * vector formats draw the same still with.
 */
final class StillRenderer {
    private final ExportOptions o;
    private final VectorFrames.Painting.Of painting;

    StillRenderer(DocumentTrace trace, ExportOptions o) {
        this.o = o;
        this.painting = VectorFrames.stills(trace, o);
    }

    /** The view of a still: the theme's palette, the beat's highlights and the document's {@code words}. */
    static ViewSettings view(ExportOptions o, Vocabulary words, Stills.Still still) {
        return view(Palette.of(o.theme()), words, still);
    }

    static ViewSettings view(Palette palette, Vocabulary words, Stills.Still still) {
        return ViewSettings.defaults().withPalette(palette).withHighlight(still.highlight())
                .withHideUncomputed(still.hidesUncomputed()).withWords(words);
    }

    /**
     * The still as PNG bytes of the export's size. Stills of the presentation layout are drawn in the
     * export's order (the layout carries the network's scale from one still to the next).
     */
    byte[] png(Stills.Still still) {
        int[] px = new int[o.width() * o.height()];
        AwtFrameSource.paint(px, o.width(), o.height(), painting.of(still));
        return Exporter.encode(px, o.width(), o.height());
    }
}
