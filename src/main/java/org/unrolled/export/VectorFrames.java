package org.unrolled.export;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import javafx.geometry.VPos;
import javafx.scene.text.TextAlignment;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jfree.svg.SVGGraphics2D;
import org.unrolled.engine.Trace;
import org.unrolled.view.Fonts;
import org.unrolled.view.NetworkLayout;
import org.unrolled.view.NetworkPainter;
import org.unrolled.view.ViewSettings;
import org.unrolled.view.draw.AwtFonts;
import org.unrolled.view.draw.AwtPen;
import org.unrolled.view.draw.Pen;

/**
 * A frame as vector graphics: the window's painter drawing through {@link AwtPen} into JFreeSVG (SVG) or
 * pdfbox-graphics2d (a PDF page), with the text as text in the bundled DejaVu Sans. Needs no JavaFX
 * thread: the painters only compute and call the pen.
 */
public final class VectorFrames {
    static {
        QuietLogs.install();
    }

    private VectorFrames() {
    }

    /** Paints the frame at {@code position} with any pen: what the window would show at that size. */
    public static void paint(Pen pen, Trace trace, ViewSettings view, double position, int width, int height) {
        NetworkLayout layout = NetworkLayout.compute(trace, view, position, width, height);
        NetworkPainter.paint(pen, layout, position, view.palette(), null, view.highlight(), view.hideUncomputed(),
                view.words());
    }

    /**
     * How the stills of an export are painted in its layout: the network picture at the still's place, or
     * the presentation frame ({@link PresentationLayout}); one per export, as the presentation layout
     * keeps the network's scale from one still to the next.
     */
    static Painting.Of stills(org.unrolled.document.DocumentTrace shown, ExportOptions o) {
        if (o.layout() == ExportOptions.Layout.PRESENTATION) {
            PresentationLayout layout = PresentationLayout.forExport(shown, o);
            return s -> pen -> layout.paint(pen, s);
        }
        return s -> pen -> paint(pen, shown.trace(), StillRenderer.view(o, shown.vocabulary(), s), s.position(), o.width(),
                o.height());
    }

    /** Any painting of a {@code width × height} picture through a pen. */
    @FunctionalInterface
    public interface Painting {
        void paint(Pen pen);

        /** The painting of each still. */
        @FunctionalInterface
        interface Of {
            Painting of(Stills.Still still);
        }
    }

    /** The frame as an SVG document (UTF-8 text); the same input gives the same text. */
    public static String svg(Trace trace, ViewSettings view, double position, int width, int height) {
        return svg(pen -> paint(pen, trace, view, position, width, height), width, height);
    }

    /** A painting as an SVG document. */
    public static String svg(Painting painting, int width, int height) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        g.setDefsKeyPrefix("u"); // ids of clip paths: fixed, so that the file is a function of the frame
        painting.paint(AwtPen.keepingText(g));
        return g.getSVGDocument();
    }

    /** The frame through Graphics2D into pixels: what the SVG and PDF show, for comparing with the PNG. */
    public static BufferedImage raster(Trace trace, ViewSettings view, double position, int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            paint(new AwtPen(g), trace, view, position, width, height);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** A PDF document under construction, one page per frame, the text in the embedded DejaVu Sans. */
    public static final class PdfBook implements AutoCloseable {
        private final PDDocument doc = new PDDocument();
        private final PdfBoxGraphics2DFontTextDrawer fonts = new PdfBoxGraphics2DFontTextDrawer();

        static {
            QuietLogs.install();
        }

        public PdfBook() throws IOException {
            register(AwtFonts.regularFace(), AwtFonts.REGULAR_FILE);
            register(AwtFonts.boldFace(), AwtFonts.BOLD_FILE);
        }

        private void register(java.awt.Font face, String resource) throws IOException {
            try (InputStream in = VectorFrames.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IOException("the bundled font " + resource + " is missing from the program");
                }
                fonts.registerFont(face.getFontName(), PDType0Font.load(doc, in));
            }
        }

        /** Adds a page of {@code width × height} points showing the frame at {@code position}. */
        public void page(Trace trace, ViewSettings view, double position, int width, int height) throws IOException {
            page(trace, view, position, width, height, "");
        }

        /** Adds a page of {@code width × height} points with any painting on it. */
        public void page(Painting painting, int width, int height) throws IOException {
            PDPage page = new PDPage(new PDRectangle(width, height));
            doc.addPage(page);
            PdfBoxGraphics2D g = new PdfBoxGraphics2D(doc, width, height);
            g.setFontTextDrawer(fonts);
            try {
                painting.paint(new AwtPen(g));
            } finally {
                g.dispose();
            }
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.drawForm(g.getXFormObject());
            }
        }

        /**
         * Adds a page showing the frame at {@code position} and, when {@code caption} is not empty, the
         * caption in a band below it (wrapped to the frame's width, in the theme's colours).
         */
        public void page(Trace trace, ViewSettings view, double position, int width, int height, String caption)
                throws IOException {
            page(trace, view, position, width, height, caption.isEmpty() ? java.util.List.of() : java.util.List.of(caption));
        }

        /** The same with the text of several paragraphs (a question and its choices) in the band. */
        public void page(Trace trace, ViewSettings view, double position, int width, int height,
                java.util.List<String> paragraphs) throws IOException {
            page(trace, view, position, width, height, paragraphs, 0);
        }

        /**
         * The same with a band of at least {@code bandLines} lines ({@link #bandLines}), so that the pages of a
         * book can all be as tall as its tallest: projected one after the other, the picture keeps its size.
         */
        public void page(Trace trace, ViewSettings view, double position, int width, int height,
                java.util.List<String> paragraphs, int bandLines) throws IOException {
            double size = bandTextSize(height);
            java.util.List<String> lines = bandText(paragraphs, width, height);
            int rows = Math.max(lines.size(), bandLines);
            int band = rows == 0 ? 0 : (int) Math.ceil((rows + 1) * size * 1.35);
            PDPage page = new PDPage(new PDRectangle(width, height + band));
            doc.addPage(page);
            PdfBoxGraphics2D g = new PdfBoxGraphics2D(doc, width, height + band);
            g.setFontTextDrawer(fonts);
            try {
                AwtPen pen = new AwtPen(g);
                paint(pen, trace, view, position, width, height);
                if (band > 0) {
                    pen.setFill(view.palette().background());
                    pen.fillRect(0, height, width, band);
                    pen.setFill(view.palette().text());
                    pen.setFont(Fonts.bold(size));
                    pen.setTextAlign(TextAlignment.LEFT);
                    pen.setTextBaseline(VPos.TOP);
                    for (int i = 0; i < lines.size(); i++) {
                        pen.fillText(lines.get(i), size, height + size * 0.5 + i * size * 1.35);
                    }
                }
            } finally {
                g.dispose();
            }
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.drawForm(g.getXFormObject());
            }
        }

        /** How many lines the band of a {@code width × height} page with {@code paragraphs} holds. */
        public static int bandLines(java.util.List<String> paragraphs, int width, int height) {
            return bandText(paragraphs, width, height).size();
        }

        private static double bandTextSize(int height) {
            return Math.max(12, height * 0.03);
        }

        private static java.util.List<String> bandText(java.util.List<String> paragraphs, int width, int height) {
            double size = bandTextSize(height);
            java.util.List<String> lines = new java.util.ArrayList<>();
            for (String p : paragraphs) {
                lines.addAll(wrap(p, AwtFonts.of(Fonts.bold(size)), width - 2 * size));
            }
            return lines;
        }

        /**
         * {@code text} broken at spaces into lines no wider than {@code room}; a word wider than that alone (a
         * language written without spaces, as Chinese is, or a long name) is broken between its characters.
         */
        static java.util.List<String> wrap(String text, java.awt.Font font, double room) {
            java.util.List<String> lines = new java.util.ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : text.trim().split("\\s+")) {
                String tried = line.length() == 0 ? word : line + " " + word;
                if (line.length() > 0 && AwtFonts.width(font, tried) > room) {
                    lines.add(line.toString());
                    line.setLength(0);
                    line.append(word);
                } else {
                    line.setLength(0);
                    line.append(tried);
                }
                while (line.codePointCount(0, line.length()) > 1 && AwtFonts.width(font, line.toString()) > room) {
                    // the most characters that fit (at least one a line), found by halving: widths grow with length
                    int fits = 1;
                    int over = line.codePointCount(0, line.length());
                    while (over - fits > 1) {
                        int mid = (fits + over) / 2;
                        if (AwtFonts.width(font, line.substring(0, line.offsetByCodePoints(0, mid))) > room) {
                            over = mid;
                        } else {
                            fits = mid;
                        }
                    }
                    int cut = line.offsetByCodePoints(0, fits);
                    lines.add(line.substring(0, cut));
                    line.delete(0, cut);
                }
            }
            if (line.length() > 0) {
                lines.add(line.toString());
            }
            return lines;
        }

        public PDDocument document() {
            return doc;
        }

        /**
         * Writes the document to {@code out}, with a file identifier (the trailer's /ID) worked out from its pages'
         * drawing rather than PDFBox's own from the clock: the same lesson gives the same bytes, as every export does.
         */
        public void save(java.io.OutputStream out) throws IOException {
            byte[] id = identifier();
            org.apache.pdfbox.cos.COSArray ids = new org.apache.pdfbox.cos.COSArray();
            ids.add(new org.apache.pdfbox.cos.COSString(id));
            ids.add(new org.apache.pdfbox.cos.COSString(id));
            doc.getDocument().getTrailer().setItem(org.apache.pdfbox.cos.COSName.ID, ids);
            doc.save(out);
        }

        /** An MD5 of every page's size and drawing (its form's content stream, as written). */
        private byte[] identifier() throws IOException {
            java.security.MessageDigest md5;
            try {
                md5 = java.security.MessageDigest.getInstance("MD5");
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java has MD5", e);
            }
            for (PDPage page : doc.getPages()) {
                md5.update(page.getMediaBox().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                for (org.apache.pdfbox.cos.COSName name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject form) {
                        try (InputStream in = form.getCOSObject().createRawInputStream()) {
                            md5.update(in.readAllBytes());
                        }
                    }
                }
            }
            return md5.digest();
        }

        @Override
        public void close() throws IOException {
            try {
                fonts.close();
            } finally {
                doc.close();
            }
        }
    }
}
