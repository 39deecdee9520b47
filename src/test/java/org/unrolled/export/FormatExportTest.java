package org.unrolled.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.sl.usermodel.Placeholder;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFNotes;
import org.apache.poi.xslf.usermodel.XSLFPictureShape;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unrolled.document.DocumentTrace;
import org.unrolled.io.Samples;
import org.unrolled.view.Captions;
import org.unrolled.view.Phase;

/** The lesson formats of the vanishing-gradient sample (4 beats: forward t = 30; backward t = 30, 27, 1). */
class FormatExportTest {
    private static final DocumentTrace VANISHING = DocumentTrace.run(Samples.load("rnn-vanishing.json"));
    private static final ExportOptions SMALL = new ExportOptions(640, 360, 4, 1, Phase.BOTH, 0, 0,
            "light", "frame_%04d.png");

    @BeforeAll
    static void startFx() throws Exception {
        HeadlessFx.start();
    }

    private static Exporter.Result export(FormatExport.Format f, ExportOptions o, Path out, AtomicBoolean cancel)
            throws Exception {
        FormatExport.prepare(f, out, o);
        return FormatExport.run(f, VANISHING, o, out, new AwtFrameSource(VANISHING, o), (d, t) -> { }, cancel);
    }

    private static ExportOptions phase(Phase p, int from, int to) {
        return new ExportOptions(640, 360, 4, 1, p, from, to, "light", "frame_%04d.png");
    }

    @Test
    void stillsAreTheLessonBeatsChosenByPhaseAndSteps() {
        // the beats at t = 27 and t = 1 going back ask a question: asked a step before (positions 33, 59), then revealed
        assertEquals(List.of(30.0, 31.0, 33.0, 34.0, 59.0, 60.0),
                Stills.of(VANISHING, SMALL).stream().map(Stills.Still::position).toList());
        assertEquals(1, Stills.of(VANISHING, phase(Phase.FORWARD, 0, 0)).size());
        assertEquals(5, Stills.of(VANISHING, phase(Phase.BACKWARD, 0, 0)).size());
        // steps 2-27 hold only the backward beat at t = 27: its question, then its reveal
        List<Stills.Still> some = Stills.of(VANISHING, phase(Phase.BOTH, 2, 27));
        assertEquals(2, some.size());
        // titled with the step its picture shows: asked while step 28's gradient is the last computed
        assertEquals("t = 28, backward — question", some.get(0).title());
        assertEquals("", some.get(0).caption(), "the caption would give the answer away");
        assertFalse(some.get(0).ask().revealed());
        assertTrue(some.get(0).hidesUncomputed() && some.get(0).highlight().isEmpty());
        assertEquals("t = 27, backward — answer", some.get(1).title());
        assertTrue(some.get(1).ask().revealed());
        assertTrue(some.get(1).caption().startsWith("Each step back multiplies ∂L/∂h by diag(tanh′)·W_hhᵀ"),
                some.get(1).caption());
    }

    @Test
    void withoutALessonEachStepOfEachPassIsAStill() {
        // the sample's one beat (its question) removed: a scenario without a lesson
        DocumentTrace t = DocumentTrace.run(Samples.load("gru-seq2seq.json").withoutBeat(0));
        // 8 steps: the initial state and 8 forward ends, then 8 backward ones
        List<Stills.Still> s = Stills.of(t, SMALL);
        assertEquals(17, s.size());
        assertEquals("the initial state", s.get(0).title());
        assertEquals("decoder t = 3, forward", s.get(8).title());
        assertEquals("decoder t = 3, backward", s.get(9).title());
        assertEquals("encoder t = 1, backward", s.get(16).title());
    }

    @Test
    void thePdfHasOnePagePerBeatWithItsCaptionAsText(@TempDir Path dir) throws Exception {
        Path pdf = dir.resolve("lesson.pdf");
        Exporter.Result r = export(FormatExport.Format.PDF, SMALL, pdf, new AtomicBoolean());
        assertTrue(r.complete());
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertEquals(6, doc.getNumberOfPages(), "4 beats, 2 of them a question and its reveal");
            // projected one after another, the picture keeps its size: every page is as tall as the one with the
            // most text (the reveals), whatever its own caption's length
            Set<Float> heights = new java.util.HashSet<>();
            doc.getPages().forEach(p -> heights.add(p.getMediaBox().getHeight()));
            assertEquals(1, heights.size(), "page heights " + heights);
            assertTrue(heights.iterator().next() > SMALL.height(), "with room for the text under the picture");
            PDFTextStripper strip = new PDFTextStripper();
            strip.setStartPage(6);
            strip.setEndPage(6);
            String last = strip.getText(doc).replaceAll("\\s+", " ");
            assertTrue(last.contains("At t = 1, ∂L/∂h_1 is about 10⁻⁹ of ∂L/∂h_30"), last);
            assertTrue(last.contains("t = 1 "), "the frame's own labels are text too: " + last);
            assertTrue(last.contains("✓ A") && last.contains("Answer A:"), "the reveal marks the answer: " + last);
            strip.setStartPage(5);
            strip.setEndPage(5);
            String asked = strip.getText(doc).replaceAll("\\s+", " ");
            assertTrue(asked.contains("BPTT has reached t = 1. How does ‖∂L/∂h_1‖ compare with ‖∂L/∂h_30‖?"), asked);
            assertTrue(asked.contains("D larger by more than 100×"), asked);
            assertFalse(asked.contains("✓") || asked.contains("Answer") || asked.contains("10⁻⁹"), asked);
        }
    }

    @Test
    void theVectorFormatsAndTheDeckAreTheSameBytesEveryTime(@TempDir Path dir) throws Exception {
        // PDFBox dated the PDF's identifier by the clock, POI the deck's zip entries: two exports differed
        for (FormatExport.Format f : new FormatExport.Format[] {FormatExport.Format.PDF, FormatExport.Format.PPTX}) {
            Path a = dir.resolve("a." + f.name().toLowerCase(java.util.Locale.ROOT));
            Path b = dir.resolve("b." + f.name().toLowerCase(java.util.Locale.ROOT));
            assertTrue(export(f, SMALL, a, new AtomicBoolean()).complete());
            assertTrue(export(f, SMALL, b, new AtomicBoolean()).complete());
            assertTrue(java.util.Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(b)), f + " differs between two exports");
        }
        // the zip's clock counts two seconds at a time, so two quick exports could agree by chance: every entry's
        // date is checked too
        try (java.util.zip.ZipFile deck = new java.util.zip.ZipFile(dir.resolve("a.pptx").toFile())) {
            deck.stream().forEach(e -> assertEquals(java.time.LocalDateTime.of(1980, 1, 1, 0, 0), e.getTimeLocal(), e.getName()));
        }
        Path one = dir.resolve("one");
        Path two = dir.resolve("two");
        assertTrue(export(FormatExport.Format.BEAMER, SMALL, one, new AtomicBoolean()).complete());
        assertTrue(export(FormatExport.Format.BEAMER, SMALL, two, new AtomicBoolean()).complete());
        for (String still : new String[] {"frames/beat-1.pdf", "frames/beat-6.pdf", "lesson.tex", "stills.json"}) {
            assertTrue(java.util.Arrays.equals(Files.readAllBytes(one.resolve(still)), Files.readAllBytes(two.resolve(still))), still);
        }
        Path svgOne = dir.resolve("svg-one");
        Path svgTwo = dir.resolve("svg-two");
        assertTrue(export(FormatExport.Format.SVG, SMALL, svgOne, new AtomicBoolean()).complete());
        assertTrue(export(FormatExport.Format.SVG, SMALL, svgTwo, new AtomicBoolean()).complete());
        for (String still : new String[] {"beat-01.svg", "beat-06.svg", "stills.json"}) {
            assertTrue(java.util.Arrays.equals(Files.readAllBytes(svgOne.resolve(still)), Files.readAllBytes(svgTwo.resolve(still))),
                    still);
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertTrue(left.noneMatch(p -> p.toString().endsWith(".part")), "no temporary left");
        }
    }

    @Test
    void theDeckHasOneSlidePerBeatWithCaptionAndNotes(@TempDir Path dir) throws Exception {
        Path pptx = dir.resolve("lesson.pptx");
        assertTrue(export(FormatExport.Format.PPTX, SMALL, pptx, new AtomicBoolean()).complete());
        try (InputStream in = Files.newInputStream(pptx); XMLSlideShow ppt = new XMLSlideShow(in)) {
            List<XSLFSlide> slides = ppt.getSlides();
            assertEquals(6, slides.size(), "4 beats, 2 of them a question and its reveal");
            // the picture the same size on every slide, questions or not: it does not jump as the slides change
            Set<java.awt.geom.Rectangle2D> frames = new java.util.HashSet<>();
            for (XSLFSlide slide : slides) {
                slide.getShapes().stream().filter(sh -> sh instanceof XSLFPictureShape).forEach(sh -> frames.add(sh.getAnchor()));
            }
            assertEquals(1, frames.size(), "picture anchors " + frames);
            XSLFSlide third = slides.get(3); // the reveal of the beat at t = 27 going back
            String question = slideText(slides.get(2));
            assertTrue(question.contains("If ρ(W_hh) were dragged from 0.5 to 1.5"), question);
            assertTrue(question.contains("D   grows by more than 100×"), question);
            assertFalse(question.contains("✓") || question.contains("Answer") || question.contains("Each step back"),
                    "the question slide does not give the answer away: " + question);
            assertTrue(slideText(third).contains("✓ D   grows by more than 100×"), slideText(third));
            StringBuilder text = new StringBuilder();
            int pictures = 0;
            for (XSLFShape s : third.getShapes()) {
                if (s instanceof XSLFTextShape t) {
                    text.append(t.getText()).append('\n');
                }
                if (s instanceof XSLFPictureShape p) {
                    pictures++;
                    assertEquals("image/png", p.getPictureData().getContentType());
                }
            }
            assertEquals(1, pictures, "the frame");
            assertTrue(text.toString().contains("Each step back multiplies ∂L/∂h by diag(tanh′)·W_hhᵀ"), text.toString());
            XSLFNotes notes = ppt.getNotesSlide(third);
            String said = "";
            for (XSLFTextShape s : notes.getPlaceholders()) {
                if (s.getTextType() == Placeholder.BODY) {
                    said = s.getText();
                }
            }
            // the window's generated caption at the beat (position 34: t = 27 going back)
            assertEquals(String.join("\n", Captions.at(VANISHING.trace(), 34.0)), said);
            assertTrue(said.contains("vanishing"), said);
            for (XSLFTextShape s : notes.getPlaceholders()) {
                assertFalse(s.getText().contains("2013"), "no date of POI's template on the notes page: " + s.getText());
            }
        }
    }

    @Test
    void theSvgFolderHoldsOneFilePerBeatAndSaysWhatEachShows(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("svg");
        assertTrue(export(FormatExport.Format.SVG, SMALL, out, new AtomicBoolean()).complete());
        for (int k = 1; k <= 6; k++) {
            String svg = Files.readString(out.resolve(String.format("beat-%02d.svg", k)));
            assertTrue(svg.contains("</svg>"));
        }
        JsonNode m = new ObjectMapper().readTree(out.resolve("stills.json").toFile());
        assertEquals(6, m.get("stills").size());
        assertEquals("t = 1, backward — answer", m.get("stills").get(5).get("title").asText());
        assertEquals("A", m.get("stills").get(4).get("question").get("answer").asText());
        assertEquals(4, m.get("stills").get(5).get("reveals").asInt());
        assertTrue(m.get("complete").asBoolean());
    }

    @Test
    void theBeamerFolderReferencesOnlyFilesItHoldsAndCompiles(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("beamer");
        assertTrue(export(FormatExport.Format.BEAMER, SMALL, out, new AtomicBoolean()).complete());
        String tex = Files.readString(out.resolve("lesson.tex"));
        Matcher inc = Pattern.compile("\\\\includegraphics\\[[^]]*]\\{([^}]+)}").matcher(tex);
        int included = 0;
        while (inc.find()) {
            assertTrue(Files.isRegularFile(out.resolve(inc.group(1))), inc.group(1));
            included++;
        }
        assertEquals(6, included);
        Matcher anim = Pattern.compile("\\\\animategraphics\\[[^]]*]\\{1}\\{([^}]+)}\\{(\\d+)}\\{(\\d+)}").matcher(tex);
        assertTrue(anim.find(), tex);
        for (int k = Integer.parseInt(anim.group(2)); k <= Integer.parseInt(anim.group(3)); k++) {
            assertTrue(Files.isRegularFile(out.resolve(anim.group(1) + k + ".pdf")), anim.group(1) + k);
        }
        assertTrue(tex.contains("\\ensuremath{^{\\top}}"), "W_hhᵀ is written for pdflatex");
        assertTrue(tex.contains("tanh\\ensuremath{'}"), "tanh′ is written for pdflatex");
        assertFalse(tex.chars().anyMatch(c -> c > 127), "nothing pdflatex cannot read");
        for (JsonNode still : new ObjectMapper().readTree(out.resolve(StillsManifest.NAME).toFile()).get("stills")) {
            assertTrue(Files.isRegularFile(out.resolve(still.get("file").asText())), "stills.json names " + still.get("file"));
        }
        Assumptions.assumeTrue(onPath("pdflatex"), "pdflatex is not installed: the folder was checked, not compiled");
        for (int run = 0; run < 2; run++) { // animate settles its timeline on the second run
            Process p = new ProcessBuilder("pdflatex", "-interaction=nonstopmode", "-halt-on-error", "lesson.tex")
                    .directory(out.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("latex.log").toFile())
                    .start();
            assertTrue(p.waitFor(180, TimeUnit.SECONDS), "pdflatex finished");
            assertEquals(0, p.exitValue(), Files.readString(dir.resolve("latex.log")));
        }
        try (PDDocument doc = Loader.loadPDF(out.resolve("lesson.pdf").toFile())) {
            assertEquals(7, doc.getNumberOfPages(), "the animation and one slide per still");
            // the reveal's last sentence, at the foot of the longest slide: shrunk to fit, not cut off
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertTrue(text.contains("does the shrinking."), text);
        }
        assertFalse(Files.readString(out.resolve("lesson.log")).contains("Overfull \\vbox"), "no slide's text runs off its foot");
    }

    /** Every shipped sample's slide text (titles, captions, questions, answers) is written for pdflatex: no character named instead. */
    @Test
    void everySamplesSlideTextHasATexForm() throws Exception {
        List<Path> samples;
        try (var files = Files.list(Path.of("samples"))) {
            samples = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        int characters = 0;
        for (Path file : samples) {
            DocumentTrace t = DocumentTrace.run(org.unrolled.io.ScenarioReader.read(file));
            StringBuilder text = new StringBuilder(t.title());
            for (Stills.Still st : Stills.of(t, SMALL)) {
                text.append(st.title());
                Stills.paragraphs(st).forEach(text::append);
            }
            for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
                String c = new String(Character.toChars(text.codePointAt(i)));
                assertFalse(!c.equals("[") && Latex.escape(c).startsWith("["), file.getFileName() + ": " + c + " is written as "
                        + Latex.escape(c));
                characters++;
            }
        }
        assertTrue(characters > 10_000, "the samples' text was read: " + characters);
    }

    static String slideText(XSLFSlide slide) {
        StringBuilder text = new StringBuilder();
        for (XSLFShape s : slide.getShapes()) {
            if (s instanceof XSLFTextShape t) {
                text.append(t.getText()).append('\n');
            }
        }
        return text.toString();
    }

    static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(File.pathSeparator)).anyMatch(d -> Files.isExecutable(Path.of(d, command)));
    }

    @Test
    void aCancelledDeckLeavesNothing(@TempDir Path dir) throws Exception {
        Path pptx = dir.resolve("c.pptx");
        AtomicBoolean cancel = new AtomicBoolean();
        FormatExport.prepare(FormatExport.Format.PPTX, pptx, SMALL);
        Exporter.Result r = FormatExport.run(FormatExport.Format.PPTX, VANISHING, SMALL, pptx,
                new AwtFrameSource(VANISHING, SMALL), (d, t) -> cancel.set(d == 2), cancel);
        assertFalse(r.complete());
        assertEquals(2, r.framesWritten());
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(0, left.count());
        }
    }

    @Test
    void anExistingTargetIsRefusedBeforeAnythingIsDrawn(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("kept");
        Files.createDirectory(out);
        ExportException e = assertThrows(ExportException.class,
                () -> FormatExport.prepare(FormatExport.Format.BEAMER, out, SMALL));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
        ExportException odd = assertThrows(ExportException.class, () -> FormatExport.prepare(FormatExport.Format.MP4,
                dir.resolve("odd.mp4"), new ExportOptions(641, 360, 4, 1, Phase.BOTH, 0, 0, "light", "f_%d.png")));
        assertTrue(odd.getMessage().contains("even width and height"), odd.getMessage());
    }

    @Test
    void noBeatInTheChosenStepsIsSaidPlainly(@TempDir Path dir) {
        ExportException e = assertThrows(ExportException.class,
                () -> export(FormatExport.Format.PDF, phase(Phase.FORWARD, 2, 5), dir.resolve("x.pdf"),
                        new AtomicBoolean()));
        assertTrue(e.getMessage().contains("no lesson beat"), e.getMessage());
    }
}
