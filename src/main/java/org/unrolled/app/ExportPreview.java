package org.unrolled.app;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.unrolled.document.DocumentTrace;
import org.unrolled.export.ExportOptions;
import org.unrolled.export.FormatExport;
import org.unrolled.view.FrameRenderer;

/**
 * The export dialog's look at the first frame or still the export will write, and the line under it. The
 * presentation layout's picture needs the export's zoom, worked out over the lesson's steps: it is drawn
 * off the JavaFX thread, and only the picture last asked for is shown (older ones are skipped, or dropped
 * when they finish late).
 */
final class ExportPreview {
    /** The preview is drawn at the export's proportions, at most this wide: a quick look, not the export. */
    private static final int MAX_WIDTH = 1280;
    /** Draws the presentation layout's previews, one at a time. */
    private static final ExecutorService DRAWING = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "unrolled-export-preview");
        t.setDaemon(true);
        return t;
    });

    final ImageView image = new ImageView();
    final Label note = new Label();
    /** The number of the preview asked for last: a picture drawn for an older one is not shown. */
    private final AtomicLong asked = new AtomicLong();

    ExportPreview(double width) {
        image.setId("export-preview");
        image.setFitWidth(width);
        image.setPreserveRatio(true);
        note.setId("export-preview-note");
    }

    /** Shows the first picture of {@code format} with options {@code o} (on the JavaFX thread). */
    void show(FormatExport.Format format, DocumentTrace shown, ExportOptions o) {
        long mine = asked.incrementAndGet();
        FormatExport.First first = FormatExport.first(format, shown, o);
        if (first == null) {
            image.setImage(null);
            note.setText("No lesson beat lies in these steps: nothing to export.");
            return;
        }
        double scale = Math.min(1, (double) MAX_WIDTH / o.width());
        int w = (int) Math.max(16, o.width() * scale);
        int h = (int) Math.max(16, o.height() * scale);
        if (o.layout() == ExportOptions.Layout.PRESENTATION) {
            // the picture before stays until this one is drawn
            DRAWING.execute(() -> drawPresentation(mine, first, shown, o, w, h));
        } else {
            image.setImage(new WritableImage(new FrameRenderer(w, h)
                    .render(shown.trace(), first.view(), first.position()).getPixelReader(), w, h));
        }
        int count = FormatExport.count(format, shown, o);
        note.setText("First " + (format.stills() ? "still" : "frame") + " of " + count);
    }

    /** Says why there is no preview (options that cannot be exported). */
    void refuse(String why) {
        asked.incrementAndGet(); // a picture still being drawn is not shown under this
        note.setText(why);
    }

    private void drawPresentation(long mine, FormatExport.First first, DocumentTrace shown, ExportOptions o, int w, int h) {
        if (mine != asked.get()) {
            return; // a newer preview has been asked for
        }
        int[] px;
        try {
            px = first.presentationPixels(shown, o, w, h);
        } catch (RuntimeException | Error e) {
            String why = "The preview could not be drawn: " + Problems.describe(e);
            Platform.runLater(() -> {
                if (mine == asked.get()) {
                    note.setText(why);
                }
            });
            return;
        }
        Platform.runLater(() -> {
            if (mine == asked.get()) {
                WritableImage img = new WritableImage(w, h);
                img.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), px, 0, w);
                image.setImage(img);
            }
        });
    }
}
