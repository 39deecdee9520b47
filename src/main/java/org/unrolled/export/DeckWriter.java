package org.unrolled.export;

import java.awt.Dimension;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.poi.sl.usermodel.PictureData;
import org.apache.poi.sl.usermodel.Placeholder;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFNotes;
import org.apache.poi.xslf.usermodel.XSLFPictureData;
import org.apache.poi.xslf.usermodel.XSLFPictureShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xslf.usermodel.XSLFTextRun;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.unrolled.document.DocumentTrace;

/**
 * A PowerPoint deck (Apache POI), one 16:9 slide per still: the frame as drawn in the window, the beat's
 * caption as text under it, and in the speaker notes the captions the window generates from the numbers
 * at that place.
 */
final class DeckWriter {
    /** Slide size in points (16:9). */
    static final double SLIDE_W = 960;
    static final double SLIDE_H = 540;
    private static final double MARGIN = 24;
    private static final double CAPTION_H = 92;
    private static final double TITLE_PT = 14;
    private static final double CAPTION_PT = 20;

    static {
        QuietLogs.install();
    }

    private DeckWriter() {
    }

    static boolean write(DocumentTrace trace, ExportOptions o, List<Stills.Still> stills, Path file, Exporter.Progress progress,
            AtomicBoolean cancel) throws Exception {
        StillRenderer renderer = new StillRenderer(trace, o);
        try (XMLSlideShow ppt = new XMLSlideShow()) {
            ppt.setPageSize(new Dimension((int) SLIDE_W, (int) SLIDE_H));
            for (int k = 0; k < stills.size(); k++) {
                if (cancel.get()) {
                    return false;
                }
                Stills.Still s = stills.get(k);
                XSLFSlide slide = ppt.createSlide();
                XSLFPictureData picture = ppt.addPicture(renderer.png(s), PictureData.PictureType.PNG);
                XSLFPictureShape shape = slide.createPicture(picture);
                // the frame as large as fits above the caption, its proportions kept
                double roomW = SLIDE_W - 2 * MARGIN;
                double roomH = SLIDE_H - CAPTION_H - 2 * MARGIN;
                double scale = Math.min(roomW / o.width(), roomH / o.height());
                double w = o.width() * scale;
                double h = o.height() * scale;
                shape.setAnchor(new Rectangle2D.Double((SLIDE_W - w) / 2, MARGIN, w, h));
                XSLFTextBox text = slide.createTextBox();
                text.setAnchor(new Rectangle2D.Double(MARGIN, SLIDE_H - CAPTION_H - MARGIN / 2, SLIDE_W - 2 * MARGIN,
                        CAPTION_H));
                XSLFTextRun title = text.addNewTextParagraph().addNewTextRun();
                title.setText(trace.title() + " \u2014 " + s.title());
                title.setFontSize(TITLE_PT);
                if (!s.caption().isEmpty()) {
                    XSLFTextRun caption = text.addNewTextParagraph().addNewTextRun();
                    caption.setText(s.caption());
                    caption.setFontSize(CAPTION_PT);
                    caption.setBold(true);
                }
                notes(ppt, slide, s);
                progress.frameWritten(k + 1, stills.size());
            }
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                ppt.write(out);
            }
        }
        return true;
    }

    private static void notes(XMLSlideShow ppt, XSLFSlide slide, Stills.Still s) throws IOException {
        XSLFNotes notes = ppt.getNotesSlide(slide);
        String text = s.generated().isEmpty() ? "(no generated captions at this place)" : String.join("\n", s.generated());
        boolean written = false;
        for (XSLFTextShape shape : notes.getPlaceholders()) {
            if (shape.getTextType() == Placeholder.BODY) {
                shape.setText(text);
                written = true;
            } else if (shape.getTextType() == Placeholder.DATETIME) {
                // POI's notes template carries a fixed date of its own (1.7.2013): not ours to print
                notes.removeShape(shape);
            }
        }
        if (!written) {
            throw new IOException("the notes page of slide " + slide.getSlideNumber() + " has no text placeholder");
        }
    }
}
