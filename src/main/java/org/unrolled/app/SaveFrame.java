package org.unrolled.app;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.unrolled.engine.Trace;
import org.unrolled.export.Exporter;
import org.unrolled.export.VectorFrames;
import org.unrolled.io.AtomicFiles;
import org.unrolled.view.NetworkLayout;
import org.unrolled.view.NetworkPainter;
import org.unrolled.view.RolledPainter;
import org.unrolled.view.ViewSettings;

/**
 * File ▸ Save current frame as…: the frame on screen as a PNG, or drawn again by the same painter as an
 * SVG or a one-page PDF (vector, text selectable). The file is written on a worker thread, completely or
 * not at all.
 */
final class SaveFrame {
    private SaveFrame() {
    }

    /** What is on screen, enough to draw it again anywhere. */
    record Shown(Trace trace, ViewSettings view, double position, double unfold, int width, int height) {
        /** Paints it with any pen: the unrolled frame, or the rolled view while it unfolds. */
        VectorFrames.Painting painting() {
            return pen -> {
                if (unfold < 1) {
                    NetworkLayout layout = NetworkLayout.compute(trace, view.fitted(), 0, width, height);
                    RolledPainter.paintPicture(pen, layout, view.palette(), unfold);
                } else {
                    NetworkLayout layout = NetworkLayout.compute(trace, view, position, width, height);
                    NetworkPainter.paint(pen, layout, position, view.palette(), null, view.highlight(),
                            view.hideUncomputed(), view.words());
                }
            };
        }
    }

    /** Asks for a file (PNG, SVG or PDF, by its extension or the chosen filter) and writes it. */
    static void ask(Window owner, Shown shown, javafx.scene.image.WritableImage png) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the current frame");
        FileChooser.ExtensionFilter pngFilter = new FileChooser.ExtensionFilter("PNG image (*.png)", "*.png");
        FileChooser.ExtensionFilter svgFilter = new FileChooser.ExtensionFilter("SVG vector image (*.svg)", "*.svg");
        FileChooser.ExtensionFilter pdfFilter = new FileChooser.ExtensionFilter("PDF vector page (*.pdf)", "*.pdf");
        chooser.getExtensionFilters().addAll(pngFilter, svgFilter, pdfFilter);
        chooser.setInitialFileName("frame.png");
        File f = chooser.showSaveDialog(owner);
        if (f == null) {
            return;
        }
        String kind = kind(f.getName(), chooser.getSelectedExtensionFilter() == svgFilter ? "svg"
                : chooser.getSelectedExtensionFilter() == pdfFilter ? "pdf" : "png");
        int w = (int) png.getWidth();
        int h = (int) png.getHeight();
        int[] pixels = new int[w * h];
        if (kind.equals("png")) {
            png.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), pixels, 0, w);
        }
        Background.write(owner, f, () -> write(f.toPath(), kind, shown, pixels));
    }

    /** png, svg or pdf: the file's extension if it has one of those, else the chosen filter's. */
    static String kind(String name, String chosen) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String k : new String[] {"png", "svg", "pdf"}) {
            if (lower.endsWith("." + k)) {
                return k;
            }
        }
        return chosen;
    }

    /** Writes the frame as {@code kind}; {@code pixels} are the PNG's (unused for SVG and PDF). */
    static void write(Path file, String kind, Shown shown, int[] pixels) throws java.io.IOException {
        switch (kind) {
            case "svg" -> {
                byte[] svg = VectorFrames.svg(shown.painting(), shown.width(), shown.height()).getBytes(StandardCharsets.UTF_8);
                AtomicFiles.write(file, out -> out.write(svg));
            }
            case "pdf" -> {
                try (VectorFrames.PdfBook book = new VectorFrames.PdfBook()) {
                    book.page(shown.painting(), shown.width(), shown.height());
                    AtomicFiles.write(file, book::save);
                }
            }
            default -> {
                byte[] png = Exporter.encode(pixels, shown.width(), shown.height());
                AtomicFiles.write(file, out -> out.write(png));
            }
        }
    }
}
