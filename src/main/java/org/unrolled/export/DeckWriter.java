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
 * caption as text under it (a question beat: two slides, the question and its choices, then the right
 * choice marked and the explanation), and in the speaker notes the captions the window generates from the
 * numbers at that place. In the presentation layout the frame, which holds the text, fills the slide.
 */
final class DeckWriter {
    /** Slide size in points (16:9). */
    static final double SLIDE_W = 960;
    static final double SLIDE_H = 540;
    private static final double MARGIN = 24;
    private static final double CAPTION_H = 92;
    private static final double TITLE_PT = 18;
    private static final double CAPTION_PT = 20;
    /** The text box of a question slide (prompt, choices, and on the reveal the explanation) and its type. */
    private static final double QUESTION_H = 200;
    private static final double QUESTION_PT = 16;

    static {
        QuietLogs.install();
    }

    private DeckWriter() {
    }

    static boolean write(DocumentTrace trace, ExportOptions o, List<Stills.Still> stills, Path file, Exporter.Progress progress,
            AtomicBoolean cancel) throws Exception {
        StillRenderer renderer = new StillRenderer(trace, o);
        // one text box height for the whole deck: a question's choices need more room than a caption, and were
        // the picture shrunk only on those slides, it would jump in size from slide to slide
        boolean anyQuestion = stills.stream().anyMatch(s -> Stills.paragraphs(s).size() > 1);
        double captionH = anyQuestion ? QUESTION_H : CAPTION_H;
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
                if (o.layout() == ExportOptions.Layout.PRESENTATION) {
                    // the frame holds the text, large: it fills the slide, its proportions kept
                    double scale = Math.min(SLIDE_W / o.width(), SLIDE_H / o.height());
                    double w = o.width() * scale;
                    double h = o.height() * scale;
                    shape.setAnchor(new Rectangle2D.Double((SLIDE_W - w) / 2, (SLIDE_H - h) / 2, w, h));
                    // the text the picture shows, as its alternative text: for screen readers and search
                    ((org.openxmlformats.schemas.presentationml.x2006.main.CTPicture) shape.getXmlObject()).getNvPicPr().getCNvPr()
                            .setDescr(String.join("\n", Stills.paragraphs(s)));
                    notes(ppt, slide, s);
                    progress.frameWritten(k + 1, stills.size());
                    continue;
                }
                List<String> text = Stills.paragraphs(s);
                // the frame as large as fits above the text, its proportions kept
                double roomW = SLIDE_W - 2 * MARGIN;
                double roomH = SLIDE_H - captionH - 2 * MARGIN;
                double scale = Math.min(roomW / o.width(), roomH / o.height());
                double w = o.width() * scale;
                double h = o.height() * scale;
                shape.setAnchor(new Rectangle2D.Double((SLIDE_W - w) / 2, MARGIN, w, h));
                XSLFTextBox box = slide.createTextBox();
                box.setAnchor(new Rectangle2D.Double(MARGIN, SLIDE_H - captionH - MARGIN / 2, SLIDE_W - 2 * MARGIN,
                        captionH));
                XSLFTextRun title = box.addNewTextParagraph().addNewTextRun();
                title.setText(trace.title() + " \u2014 " + s.title());
                title.setFontSize(TITLE_PT);
                for (String p : text) {
                    XSLFTextRun run = box.addNewTextParagraph().addNewTextRun();
                    run.setText(p);
                    run.setFontSize(text.size() > 1 ? QUESTION_PT : CAPTION_PT);
                    run.setBold(s.ask() == null || p.equals(s.ask().prompt()) || p.startsWith("\u2713"));
                }
                notes(ppt, slide, s);
                progress.frameWritten(k + 1, stills.size());
            }
            Path written = file.resolveSibling(file.getFileName() + ".poi.part"); // a killed export's, cleared as its .part is
            try {
                try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(written), 1 << 16)) {
                    ppt.write(out);
                }
                withFixedTimes(written, file);
            } finally {
                Files.deleteIfExists(written);
            }
        }
        return true;
    }

    /** The time every entry of the deck's zip is given: the same lesson then gives the same bytes, as every export does. */
    private static final java.time.LocalDateTime ZIP_TIME = java.time.LocalDateTime.of(1980, 1, 1, 0, 0);

    /**
     * The zip {@code from} written again to {@code to}, entry by entry in the same order, each dated {@link #ZIP_TIME}
     * (POI dates them with the clock, so two exports of one lesson differed).
     */
    static void withFixedTimes(Path from, Path to) throws IOException {
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.BufferedInputStream(
                Files.newInputStream(from), 1 << 16));
                java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(new java.io.BufferedOutputStream(
                        Files.newOutputStream(to), 1 << 16))) {
            for (java.util.zip.ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                java.util.zip.ZipEntry copy = new java.util.zip.ZipEntry(e.getName());
                copy.setTimeLocal(ZIP_TIME); // as written, in no time zone
                out.putNextEntry(copy);
                in.transferTo(out);
                out.closeEntry();
            }
        }
    }

    /**
     * The speaker notes: the captions the window generates at the still's place; on a question slide also
     * the answer, for the lecturer (the slide does not show it).
     */
    private static void notes(XMLSlideShow ppt, XSLFSlide slide, Stills.Still s) throws IOException {
        XSLFNotes notes = ppt.getNotesSlide(slide);
        String text = s.generated().isEmpty() ? "(no generated captions at this place)" : String.join("\n", s.generated());
        if (s.ask() != null && !s.ask().revealed()) {
            text = "Not on the slide; the next slide reveals it. " + s.ask().explanation() + "\n" + text;
        }
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
