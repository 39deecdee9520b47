package org.unrolled.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.unrolled.document.DocumentTrace;
import org.unrolled.io.Samples;
import org.unrolled.view.Palette;
import org.unrolled.view.Phase;
import org.unrolled.view.ViewSettings;

/**
 * One painter, two targets: a frame drawn on the JavaFX canvas (the PNG) and through Graphics2D (what the
 * SVG and PDF hold) must be the same picture up to anti-aliasing, and the SVG's and PDF's text is text.
 */
class VectorFramesTest {
    private static final int W = 960;
    private static final int H = 540;

    @BeforeAll
    static void startFx() throws Exception {
        HeadlessFx.start();
    }

    static BufferedImage fx(DocumentTrace trace, String theme, double position) throws Exception {
        ExportOptions o = new ExportOptions(W, H, 1, 1, Phase.BOTH, 0, 0, theme, "f_%04d.png");
        int[] px = new int[W * H];
        new FxFrameSource(trace, o).render(position, px);
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, W, H, px, 0, W);
        return img;
    }

    /** Share of pixels whose colours differ by more than {@code tolerance} in some channel. */
    static double differing(BufferedImage a, BufferedImage b, int tolerance) {
        assertEquals(a.getWidth(), b.getWidth());
        assertEquals(a.getHeight(), b.getHeight());
        long bad = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                int d = 0;
                for (int s = 0; s <= 16; s += 8) {
                    d = Math.max(d, Math.abs(((p >> s) & 255) - ((q >> s) & 255)));
                }
                if (d > tolerance) {
                    bad++;
                }
            }
        }
        return (double) bad / (a.getWidth() * a.getHeight());
    }

    static void dump(String name, BufferedImage img) throws Exception {
        String dir = System.getProperty("unrolled.dump");
        if (dir != null) {
            ImageIO.write(img, "png", Path.of(dir, name + ".png").toFile());
        }
    }

    @Test
    void graphics2dDrawsThePictureTheCanvasDraws() throws Exception {
        for (String sample : new String[] {"rnn-vanishing.json", "lstm-highway.json", "gru-seq2seq.json", "teacher-forcing.json"}) {
            DocumentTrace trace = DocumentTrace.run(Samples.load(sample));
            for (double p : new double[] {0, 2.5, trace.trace().steps().length() + 3.0}) {
                for (String theme : new String[] {"light", "dark"}) {
                    BufferedImage png = fx(trace, theme, p);
                    ViewSettings view = ViewSettings.defaults().withPalette(Palette.of(theme));
                    BufferedImage awt = VectorFrames.raster(trace.trace(), view, p, W, H);
                    String name = sample.replace(".json", "") + "-" + p + "-" + theme;
                    dump(name + "-fx", png);
                    dump(name + "-awt", awt);
                    // anti-aliasing moves edge pixels by a few levels; nothing may differ by more than 48
                    assertTrue(differing(png, awt, 48) < 0.001, name + ": " + differing(png, awt, 48));
                }
            }
        }
    }

    @Test
    void theComparisonSeesADifferentFrame() throws Exception {
        // the measure above is not blind: the next half step of the same network fails it
        DocumentTrace trace = DocumentTrace.run(Samples.load("lstm-highway.json"));
        BufferedImage png = fx(trace, "light", 2.5);
        BufferedImage other = VectorFrames.raster(trace.trace(), ViewSettings.defaults(), 3.0, W, H);
        assertTrue(differing(png, other, 48) > 0.001, "share " + differing(png, other, 48));
    }

    @Test
    void thePdfPageRasterisesToThePngAndHoldsText() throws Exception {
        DocumentTrace trace = DocumentTrace.run(Samples.load("lstm-highway.json"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (VectorFrames.PdfBook book = new VectorFrames.PdfBook()) {
            book.page(trace.trace(), ViewSettings.defaults(), 2.5, W, H);
            book.save(bytes);
        }
        try (PDDocument doc = Loader.loadPDF(bytes.toByteArray())) {
            assertEquals(1, doc.getNumberOfPages());
            BufferedImage page = new PDFRenderer(doc).renderImage(0, 1f, ImageType.RGB);
            dump("pdf-page", page);
            BufferedImage png = fx(trace, "light", 2.5);
            assertTrue(differing(png, page, 64) < 0.005, "share " + differing(png, page, 64));
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("LSTM"), text);
            assertTrue(text.contains("t = 3"), text);
            assertTrue(text.contains("target"), text);
        }
    }

    @Test
    void theSvgHoldsTextAndNoPixels() throws Exception {
        DocumentTrace trace = DocumentTrace.run(Samples.load("lstm-highway.json"));
        String svg = VectorFrames.svg(trace.trace(), ViewSettings.defaults(), 2.5, W, H);
        assertTrue(svg.startsWith("<?xml"), svg.substring(0, 40));
        assertTrue(svg.contains(">t = 3</text>"), "the step label is an SVG text element");
        assertTrue(svg.contains(">LSTM</text>"));
        assertTrue(svg.contains("DejaVu Sans"));
        assertTrue(!svg.contains("<image"), "no raster inside");
        assertEquals(svg, VectorFrames.svg(trace.trace(), ViewSettings.defaults(), 2.5, W, H), "the same frame, the same text");
        Files.writeString(Path.of(System.getProperty("java.io.tmpdir"), "unrolled-vector-test.svg"), svg,
                StandardCharsets.UTF_8);
    }
}
