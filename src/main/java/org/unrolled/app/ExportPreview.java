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

/**
 * The export dialog's look at the first frame or still the export will write, and the line under it
 * ("First frame of 601"). Planning the export and drawing its first picture (in the presentation layout,
 * with the export's zoom, worked out over the lesson's steps) happen off the JavaFX thread, one preview at
 * a time; only the preview asked for last is shown (an older one is skipped, or dropped when it finishes
 * late), and until it is, the one before stays.
 */
final class ExportPreview {
    /** The preview is drawn at the export's proportions, at most this wide: a quick look, not the export. */
    private static final int MAX_WIDTH = 1280;
    /** Plans and draws the previews, one at a time. */
    private static final ExecutorService WORK = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "unrolled-export-preview");
        t.setDaemon(true);
        return t;
    });

    final ImageView image = new ImageView();
    /** The picture's place, its size kept whether or not a picture has arrived yet (so the dialog is sized for it). */
    final javafx.scene.layout.StackPane box = new javafx.scene.layout.StackPane(image);
    final Label note = new Label();
    /** The number of the preview asked for last: a preview worked out for an older one is not shown. */
    private final AtomicLong asked = new AtomicLong();

    /** A preview that fits a {@code width × height} box (a 16:9 picture fills it). */
    ExportPreview(double width, double height) {
        image.setId("export-preview");
        image.setFitWidth(width);
        image.setFitHeight(height);
        image.setPreserveRatio(true);
        box.setMinSize(width, height);
        box.setPrefSize(width, height);
        box.setMaxSize(width, height);
        box.setAlignment(javafx.geometry.Pos.TOP_LEFT);
        note.setId("export-preview-note");
    }

    /** Shows, once it is drawn, the first picture of {@code format} with options {@code o}. */
    void show(FormatExport.Format format, DocumentTrace shown, ExportOptions o) {
        long mine = asked.incrementAndGet();
        WORK.execute(() -> work(mine, format, shown, o));
    }

    /** Says why there is no preview (options that cannot be exported). */
    void refuse(String why) {
        asked.incrementAndGet(); // a preview still being worked out is not shown under this
        note.setText(why);
    }

    private void work(long mine, FormatExport.Format format, DocumentTrace shown, ExportOptions o) {
        if (mine != asked.get()) {
            return; // a newer preview has been asked for
        }
        try {
            FormatExport.First first = FormatExport.first(format, shown, o);
            if (first == null) {
                whenLatest(mine, () -> {
                    image.setImage(null);
                    note.setText("No lesson beat lies in these steps: nothing to export.");
                });
                return;
            }
            int count = FormatExport.count(format, shown, o);
            double scale = Math.min(1, (double) MAX_WIDTH / o.width());
            int w = (int) Math.max(16, o.width() * scale);
            int h = (int) Math.max(16, o.height() * scale);
            int[] px = first.pixels(shown, o, w, h);
            String says = "First " + (format.stills() ? "still" : "frame") + " of " + count;
            whenLatest(mine, () -> {
                WritableImage img = new WritableImage(w, h);
                img.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), px, 0, w);
                image.setImage(img);
                note.setText(says);
            });
        } catch (IllegalArgumentException e) {
            whenLatest(mine, () -> note.setText(e.getMessage())); // options the export would refuse, and why
        } catch (RuntimeException | Error e) {
            String why = "The preview could not be drawn: " + Problems.describe(e);
            whenLatest(mine, () -> note.setText(why));
        }
    }

    /** Runs {@code update} on the JavaFX thread if preview {@code mine} is still the one asked for last. */
    private void whenLatest(long mine, Runnable update) {
        Platform.runLater(() -> {
            if (mine == asked.get()) {
                update.run();
            }
        });
    }
}
