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
    private final StillRenderer.Presenter presenter;

    public FxFrameSource(DocumentTrace shown, ExportOptions o) {
        this.trace = shown.trace();
        this.width = o.width();
        this.height = o.height();
        this.view = ViewSettings.defaults().withPalette(palette(o.theme())).withWords(shown.vocabulary());
        this.presenter = o.layout() == ExportOptions.Layout.PRESENTATION ? new StillRenderer.Presenter(shown, o) : null;
    }

    @Override
    public void render(FramePlan plan, int i, int[] pixels) throws Exception {
        Stills.Still still = presenter == null ? null : plan.still(i);
        if (still == null) {
            render(plan.position(i), pixels);
        } else {
            presenter.render(still, pixels);
        }
    }

    /** The palette of a theme name: light, dark or projector. */
    public static Palette palette(String theme) {
        return Palette.of(theme);
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
}
