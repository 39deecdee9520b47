package org.unrolled.export;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.DirectColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import org.unrolled.document.DocumentTrace;
import org.unrolled.view.Palette;
import org.unrolled.view.ViewSettings;
import org.unrolled.view.draw.AwtPen;

/**
 * Frames drawn by the window's painter through Java2D ({@link AwtPen}, the pen of the SVG and PDF
 * exports) straight into the export's pixel buffers, on whichever thread asks: no JavaFX thread, no
 * snapshot to read back. The picture is the canvas's within anti-aliasing ({@code AwtFrameSourceTest}
 * compares them). A network frame depends only on its position, so several threads draw at once
 * ({@link #concurrent}); the presentation layout carries the network's scale from one still to the next,
 * so its frames are drawn one at a time, in order.
 */
public final class AwtFrameSource implements FrameSource {
    /** Packed ARGB, not premultiplied: what every encoder reads. */
    private static final DirectColorModel ARGB = new DirectColorModel(32, 0xff0000, 0x00ff00, 0x0000ff, 0xff000000);
    private final ViewSettings view;
    private final DocumentTrace shown;
    private final ExportOptions options;
    /** The presentation layout, made as its first frame is drawn (it works out the export's zoom first). */
    private PresentationLayout presentation;
    /** The last still kept and its pixels: a beat held on screen is many frames of one still. */
    private Stills.Still last;
    private double lastScale;
    private int[] lastPixels;
    /** The network's scale in each frame of {@link #chainedPlan}, worked out for its first {@link #chained} frames. */
    private FramePlan chainedPlan;
    private double[] scales;
    private int chained;

    public AwtFrameSource(DocumentTrace shown, ExportOptions o) {
        this(shown, o, null);
    }

    /** As the public constructor, with the presentation layout given (for tests); null: the export's own. */
    AwtFrameSource(DocumentTrace shown, ExportOptions o, PresentationLayout presentation) {
        this.presentation = presentation;
        this.view = ViewSettings.defaults().withPalette(Palette.of(o.theme())).withWords(shown.vocabulary());
        this.shown = shown;
        this.options = o;
    }

    @Override
    public boolean concurrent() {
        return options.layout() != ExportOptions.Layout.PRESENTATION;
    }

    @Override
    public void render(FramePlan plan, int i, int[] pixels) {
        Stills.Still still = concurrent() ? null : plan.still(i);
        if (still == null) {
            render(plan.position(i), pixels);
        } else {
            present(still, scaleAt(plan, i), plan.repeatsPrevious(i + 1), pixels);
        }
    }

    @Override
    public void render(double position, int[] pixels) {
        paint(pixels, pen -> VectorFrames.paint(pen, shown.trace(), view, position, options.width(), options.height()));
    }

    /**
     * The network's scale in frame {@code i}: each frame's follows from the frame's before it in the plan
     * ({@link PresentationLayout#scale}), worked out in plan order whatever order the frames are asked for
     * in (an MP4's lanes take runs of 30 frames turn about), so that a frame is the same picture however
     * many lanes there are, and the same as in the PNG export.
     */
    private synchronized double scaleAt(FramePlan plan, int i) {
        if (presentation == null) {
            presentation = PresentationLayout.forExport(shown, options);
        }
        if (plan != chainedPlan) {
            chainedPlan = plan;
            scales = new double[plan.count()];
            chained = 0;
        }
        for (; chained <= i; chained++) {
            double before = chained == 0 ? presentation.start() : scales[chained - 1];
            scales[chained] = plan.repeatsPrevious(chained) ? before : presentation.scale(plan.still(chained), before);
        }
        return scales[i];
    }

    /**
     * Draws {@code still} at {@code scale}, or copies it from the last one drawn. Its pixels are kept (a
     * copy, 8 MB at 1080p) only when the next frame shows it again: the PNG export never asks for such a
     * frame (it writes the bytes before again), and copying every still took time for nothing.
     */
    private synchronized void present(Stills.Still still, double scale, boolean heldNext, int[] pixels) {
        if (still.equals(last) && scale == lastScale) {
            System.arraycopy(lastPixels, 0, pixels, 0, pixels.length);
            return;
        }
        paint(pixels, pen -> presentation.paint(pen, still, scale));
        if (heldNext) {
            lastPixels = lastPixels == null ? pixels.clone() : lastPixels;
            System.arraycopy(pixels, 0, lastPixels, 0, pixels.length);
            last = still;
            lastScale = scale;
        } else {
            last = null; // the pixels kept (if any) are no longer this still's
        }
    }

    private void paint(int[] pixels, VectorFrames.Painting painting) {
        paint(pixels, options.width(), options.height(), painting);
    }

    /**
     * Paints into {@code pixels} ({@code width × height}, row by row) through Java2D; a painting of the
     * network or presentation layout fills every pixel, opaque.
     */
    static void paint(int[] pixels, int width, int height, VectorFrames.Painting painting) {
        BufferedImage image = image(pixels, width, height);
        Graphics2D g = image.createGraphics();
        try {
            painting.paint(new AwtPen(g));
        } finally {
            g.dispose();
        }
    }

    /** An image whose pixels are {@code argb} itself: what is drawn on it lands in the array. */
    static BufferedImage image(int[] argb, int width, int height) {
        WritableRaster raster = Raster.createPackedRaster(new DataBufferInt(argb, argb.length), width, height, width,
                ARGB.getMasks(), null);
        return new BufferedImage(ARGB, raster, false, null);
    }
}
