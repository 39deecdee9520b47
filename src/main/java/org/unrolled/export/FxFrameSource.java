package org.unrolled.export;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.unrolled.document.DocumentTrace;
import org.unrolled.engine.Trace;
import org.unrolled.view.FrameRenderer;
import org.unrolled.view.Palette;
import org.unrolled.view.ViewSettings;

/**
 * Frames drawn by the window's own painter on the JavaFX thread (with or without a display), read
 * back as pixels for encoding on another thread. Call {@link #render} from any thread but the FX one.
 */
public final class FxFrameSource implements FrameSource {
    private final Trace trace;
    private final ViewSettings view;
    private final int width;
    private final int height;
    private FrameRenderer renderer;

    public FxFrameSource(DocumentTrace shown, ExportOptions o) {
        this.trace = shown.trace();
        this.width = o.width();
        this.height = o.height();
        this.view = ViewSettings.defaults().withPalette(palette(o.theme())).withWords(shown.vocabulary());
    }

    /** The palette of a theme name: light, dark or projector. */
    public static Palette palette(String theme) {
        return Palette.of(theme);
    }

    @Override
    public void render(double position, int[] pixels) throws Exception {
        FxThread.call(() -> {
            if (renderer == null) {
                renderer = new FrameRenderer(width, height);
            }
            WritableImage img = renderer.render(trace, view, position);
            img.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), pixels, 0, width);
            return null;
        });
    }
}
