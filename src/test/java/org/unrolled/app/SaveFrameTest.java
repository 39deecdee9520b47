package org.unrolled.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unrolled.engine.Engine;
import org.unrolled.engine.Trace;
import org.unrolled.io.Samples;
import org.unrolled.view.ViewSettings;

/** File ▸ Save current frame as…: SVG and PDF drawn again by the painter, the rolled view too. */
class SaveFrameTest {
    private static final Trace TRACE = Engine.run(Samples.load("lstm-highway.json").scenario());

    @Test
    void theKindComesFromTheNameOrElseTheFilter() {
        assertEquals("svg", SaveFrame.kind("a.SVG", "png"));
        assertEquals("pdf", SaveFrame.kind("slide.pdf", "svg"));
        assertEquals("svg", SaveFrame.kind("frame", "svg"));
    }

    @Test
    void anUnrolledFrameAsSvgAndARolledOneAsPdf(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("f.svg");
        SaveFrame.write(svg, "svg", new SaveFrame.Shown(TRACE, ViewSettings.defaults(), 2.5, 1, 800, 450), null);
        String text = Files.readString(svg);
        assertTrue(text.contains("width='800.0' height='450.0'"), text.substring(0, 300));
        assertTrue(text.contains(">t = 3</text>"));
        Path pdf = dir.resolve("f.pdf");
        SaveFrame.write(pdf, "pdf", new SaveFrame.Shown(TRACE, ViewSettings.defaults(), 0, 0, 800, 450), null);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertEquals(1, doc.getNumberOfPages());
            assertEquals(800, doc.getPage(0).getMediaBox().getWidth(), 0.01);
            // rolled up: the one cell with its loop, as the window draws it at unfold 0
            String words = new PDFTextStripper().getText(doc);
            assertTrue(words.contains("The rolled view: one cell"), words);
            assertFalse(words.contains("press"), "a saved picture names no key to press: " + words);
            assertTrue(words.contains("delay"), words);
        }
    }
}
