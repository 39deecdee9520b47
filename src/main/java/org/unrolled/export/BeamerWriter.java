package org.unrolled.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.unrolled.document.DocumentTrace;

/**
 * A Beamer folder that compiles unedited with {@code pdflatex}: the stills as vector PDFs in
 * {@code frames/}, and {@code lesson.tex}: a first slide stepping through every still with the
 * {@code animate} package (one animation frame per beat, with controls), then one slide per still with
 * its caption. {@code stills.json} says what each still shows.
 */
final class BeamerWriter {
    static final String TEX = "lesson.tex";
    static final String FRAMES = "frames";

    private BeamerWriter() {
    }

    static boolean write(DocumentTrace trace, ExportOptions o, List<Stills.Still> stills, Path dir, Exporter.Progress progress,
            AtomicBoolean cancel) throws IOException {
        Path frames = dir.resolve(FRAMES);
        Files.createDirectories(frames);
        VectorFrames.Painting.Of painting = VectorFrames.stills(trace, o);
        for (int k = 0; k < stills.size(); k++) {
            if (cancel.get()) {
                return false;
            }
            Stills.Still s = stills.get(k);
            try (VectorFrames.PdfBook book = new VectorFrames.PdfBook();
                    java.io.OutputStream out = Files.newOutputStream(frames.resolve(frameFile(k + 1)))) {
                book.page(painting.of(s), o.width(), o.height());
                book.save(out);
            }
            progress.frameWritten(k + 1, stills.size());
        }
        Files.writeString(dir.resolve(TEX), tex(trace, stills, o.layout()), StandardCharsets.UTF_8);
        StillsManifest.write(dir.resolve(StillsManifest.NAME), trace, o, stills, k -> FRAMES + "/" + frameFile(k));
        return true;
    }

    /** The PDF of still {@code k} (from 1) in {@code frames/}: numbered as {@code \animategraphics} counts. */
    static String frameFile(int k) {
        return "beat-" + k + ".pdf";
    }

    static String tex(DocumentTrace trace, List<Stills.Still> stills) {
        return tex(trace, stills, ExportOptions.Layout.NETWORK);
    }

    /**
     * The {@code .tex}. In the network layout each slide sets the still's text under the picture (the
     * caption; a question's choices, then on the next slide the right one marked and the explanation); in
     * the presentation layout the text is in the picture, which fills the slide.
     */
    static String tex(DocumentTrace trace, List<Stills.Still> stills, ExportOptions.Layout layout) {
        String title = Latex.escape(trace.title());
        StringBuilder b = new StringBuilder();
        b.append("% Written by Unrolled (unrolled export --format beamer). Compile with: pdflatex lesson.tex\n");
        b.append("\\pdfminorversion=7 % the frames are PDF 1.7\n");
        b.append("\\documentclass[aspectratio=169]{beamer}\n");
        b.append("\\usepackage[T1]{fontenc}\n\\usepackage{lmodern}\n\\usepackage{amssymb}\n");
        b.append("\\usepackage{graphicx}\n\\usepackage{animate}\n");
        b.append("\\setbeamertemplate{navigation symbols}{}\n");
        b.append("\\title{").append(title).append("}\n\n\\begin{document}\n\n");
        b.append("\\begin{frame}{").append(title).append("}\n  \\centering\n");
        b.append("  % one animation frame per beat, one a second; the controls step through them\n");
        b.append("  \\animategraphics[controls,width=\\linewidth,height=0.8\\textheight,keepaspectratio]{1}{")
                .append(FRAMES).append("/beat-}{1}{").append(stills.size()).append("}\n");
        b.append("\\end{frame}\n");
        for (int k = 0; k < stills.size(); k++) {
            Stills.Still s = stills.get(k);
            if (layout == ExportOptions.Layout.PRESENTATION) {
                b.append("\n\\begin{frame}[plain]\n  \\centering\n");
                b.append("  \\includegraphics[width=\\paperwidth,height=\\paperheight,keepaspectratio]{")
                        .append(FRAMES).append('/').append(frameFile(k + 1)).append("}\n");
                b.append("\\end{frame}\n");
                continue;
            }
            List<String> text = Stills.paragraphs(s);
            // shrink: a reveal's question, choices, explanation and caption may run past the slide's foot; beamer
            // then scales the frame's body (picture and text) until it fits, rather than cutting the text off
            b.append("\n\\begin{frame}[shrink=0]{").append(Latex.escape(s.title())).append("}\n  \\centering\n");
            b.append("  \\includegraphics[width=\\linewidth,height=")
                    .append(text.size() > 1 ? "0.5" : "0.72").append("\\textheight,keepaspectratio]{")
                    .append(FRAMES).append('/').append(frameFile(k + 1)).append("}\n");
            if (!text.isEmpty()) {
                b.append("\n  \\raggedright\\small\n");
                for (String p : text) {
                    b.append("  ").append(Latex.escape(p)).append("\\par\n");
                }
            }
            b.append("\\end{frame}\n");
        }
        b.append("\n\\end{document}\n");
        return b.toString();
    }
}
