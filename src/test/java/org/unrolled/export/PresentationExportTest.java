package org.unrolled.export;

import org.unrolled.document.DocumentTrace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.sl.usermodel.Placeholder;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFPictureShape;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.jcodec.api.FrameGrab;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.model.Picture;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unrolled.engine.Engine;
import org.unrolled.engine.Trace;
import org.unrolled.io.Samples;
import org.unrolled.view.Captions;
import org.unrolled.view.Palette;
import org.unrolled.view.StepSchedule;
import org.unrolled.view.draw.RecordingPen;

/**
 * {@code --layout presentation} on the vanishing-gradient lesson, every format: what presentation mode
 * shows (the captions or the question large, the network, the gradient plot), a question beat asked with
 * its answer hidden and then revealed, no text under 14 px at 1920×1080, nothing overlapping or cut.
 *
 * <p>The lesson (samples/rnn-vanishing.json) has 4 beats: forward t = 30 (position 30), backward t = 30
 * (31), backward t = 27 with a question (asked at 33, revealed at 34: answer D, "grows by more than
 * 100×") and backward t = 1 with a question (asked at 59, revealed at 60: answer A, "smaller by more
 * than 100×").
 */
class PresentationExportTest {
    private static final DocumentTrace VANISHING = DocumentTrace.run(Samples.load("rnn-vanishing.json"));
    /** Steps 25-30 of both passes at one frame a step: positions 24 to 36, one stretch of 13 frames. */
    private static final ExportOptions PART = new ExportOptions(480, 270, 1, 1, org.unrolled.view.Phase.BOTH, 25, 30,
            "light", "frame_%04d.png", ExportOptions.Layout.PRESENTATION);
    private static final ExportOptions LESSON = new ExportOptions(960, 540, 1, 1, org.unrolled.view.Phase.BOTH, 0, 0,
            "light", "frame_%04d.png", ExportOptions.Layout.PRESENTATION);
    private static final String Q27 = "If ρ(W_hh) were dragged from 0.5 to 1.5, what would happen to ‖∂L/∂h_1‖?";
    private static final String Q1 = "BPTT has reached t = 1. How does ‖∂L/∂h_1‖ compare with ‖∂L/∂h_30‖?";

    @BeforeAll
    static void startFx() throws Exception {
        HeadlessFx.start();
    }

    /**
     * 13 frames at one a step, and each beat in the range held for 4 steps (4 frames instead of 1): the
     * beats at 30 and 31, the question asked at 33 and revealed at 34 (the beat at t = 1 is outside).
     */
    private static final int PART_FRAMES = 13 + 4 * 3;

    @Test
    void theAnimationHoldsEachBeatAndAsksBeforeItReveals() {
        FramePlan plan = new FramePlan(VANISHING, PART);
        assertEquals(PART_FRAMES, plan.count());
        List<Double> positions = new ArrayList<>();
        for (int i = 0; i < plan.count(); i++) {
            positions.add(plan.position(i));
        }
        assertEquals(List.of(24.0, 25.0, 26.0, 27.0, 28.0, 29.0, 30.0, 30.0, 30.0, 30.0, 31.0, 31.0, 31.0, 31.0, 32.0,
                33.0, 33.0, 33.0, 33.0, 34.0, 34.0, 34.0, 34.0, 35.0, 36.0), positions);
        Stills.Still asked = plan.still(15);
        assertEquals(Q27, asked.ask().prompt());
        assertFalse(asked.ask().revealed());
        assertEquals("", asked.caption());
        Stills.Still revealed = plan.still(19);
        assertTrue(revealed.ask().revealed());
        assertEquals(3, revealed.ask().answer().correct(), "D: grows by more than 100×");
        assertTrue(revealed.caption().startsWith("Each step back multiplies"), revealed.caption());
        assertTrue(plan.still(6).caption().startsWith("Forward: 30 steps and one output"));
        assertEquals(null, plan.still(14).ask());
        // the whole lesson at 30 fps: 1801 frames (positions 0 to 60, 30 a step), and 6 stops of 120 frames
        // (4 steps) where there was one: beats at 30 and 31, questions asked at 33 and 59, revealed at 34 and 60
        assertEquals(1801 + 6 * 119, new FramePlan(VANISHING,
                ExportOptions.defaults().withLayout(ExportOptions.Layout.PRESENTATION)).count());
        // the network layout of the same range: the 13 frames alone
        assertEquals(13, new FramePlan(VANISHING, PART.withLayout(ExportOptions.Layout.NETWORK)).count());
    }

    @Test
    void theNetworkStaysPutFromAQuestionToItsAnswer() {
        List<Stills.Still> stills = Stills.of(VANISHING, LESSON);
        int checked = 0;
        for (int k = 0; k + 1 < stills.size(); k++) {
            Stills.Still asked = stills.get(k);
            if (asked.ask() == null || asked.ask().revealed()) {
                continue;
            }
            Stills.Still answer = stills.get(k + 1);
            PresentationLayout layout = new PresentationLayout(VANISHING, Palette.LIGHT, 960, 540);
            PresentationLayout.Regions q = layout.paint(new RecordingPen(null), asked);
            PresentationLayout.Regions a = layout.paint(new RecordingPen(null), answer);
            // the reveal's longer text (the answer, its numbers, the caption) was room taken from the network
            assertEquals(a.networkTop(), q.networkTop(), 1e-9, "beat " + asked.ask().beat());
            assertEquals(a.networkBottom(), q.networkBottom(), 1e-9, "beat " + asked.ask().beat());
            checked++;
        }
        assertEquals(2, checked, "the lesson's two questions");
    }

    @Test
    void aBackwardExportStopsOnlyOnTheBackwardPassesBeats() {
        // it starts where the forward pass ends, at t = 30, on the forward beat there: not stopped on
        FramePlan plan = new FramePlan(VANISHING, new ExportOptions(480, 270, 1, 1, org.unrolled.view.Phase.BACKWARD, 0, 0,
                "light", "frame_%04d.png", ExportOptions.Layout.PRESENTATION));
        // positions 30 to 60, and 4 stops of 4 frames where there was one: the beat at 31, questions asked at 33
        // and 59, revealed at 34 and 60
        assertEquals(31 + 5 * 3, plan.count());
        assertEquals(30.0, plan.position(0));
        assertEquals(31.0, plan.position(1), "the backward pass's first beat follows at once");
        for (int i = 0; i < plan.count(); i++) {
            assertFalse(plan.still(i).caption().startsWith("Forward:"), "frame " + (i + 1) + ": " + plan.still(i).caption());
        }
    }

    /** The text a frame draws, through the recording pen. */
    private static List<String> drawn(Stills.Still s, int w, int h) {
        RecordingPen pen = new RecordingPen(null);
        new PresentationLayout(VANISHING, Palette.LIGHT, w, h).paint(pen, s);
        return pen.texts().stream().map(RecordingPen.DrawnText::text).toList();
    }

    private static String joined(List<String> texts) {
        return String.join(" ", texts);
    }

    @Test
    void pngFramesAndTheirManifestNameTheQuestionAndItsReveal(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("png");
        Exporter.prepareFolder(out, PART);
        Exporter.Result r = Exporter.run(VANISHING, PART, out, new AwtFrameSource(VANISHING, PART), (d, t) -> { },
                new AtomicBoolean());
        assertTrue(r.complete());
        assertEquals(PART_FRAMES, r.framesWritten());
        try (var files = Files.list(out)) {
            assertEquals(PART_FRAMES + 1, files.count(), "the frames and frames.json");
        }
        assertEquals(480, ImageIO.read(out.resolve("frame_0016.png").toFile()).getWidth());
        JsonNode m = new ObjectMapper().readTree(out.resolve(Exporter.MANIFEST).toFile());
        assertEquals("presentation", m.get("layout").asText());
        JsonNode frames = m.get("frames");
        assertEquals(PART_FRAMES, frames.size());
        int questions = 0;
        int reveals = 0;
        for (JsonNode f : frames) {
            if (f.has("question")) {
                questions++;
                assertEquals(33.0, f.get("position").asDouble());
                assertEquals(Q27, f.get("question").get("prompt").asText());
                assertEquals("D", f.get("question").get("answer").asText());
                assertEquals(0, f.get("captions").size(), "nothing but the question on screen");
            }
            if (f.has("reveals")) {
                reveals++;
                assertEquals(3, f.get("reveals").asInt());
                assertTrue(f.get("captions").get(0).asText().startsWith("Each step back multiplies"));
            }
        }
        assertEquals(4, questions, "the question held 4 frames");
        assertEquals(4, reveals, "the reveal held 4 frames");
        assertTrue(frames.get(6).get("captions").get(0).asText().startsWith("Forward: 30 steps"));
        // what frames 16 and 20 draw: the question without its answer, then the answer
        FramePlan plan = new FramePlan(VANISHING, PART);
        String asked = joined(drawn(plan.still(15), 480, 270));
        assertTrue(asked.contains(Q27) || asked.contains("If ρ(W_hh) were dragged"), asked);
        assertTrue(asked.contains("D   grows by more than 100×"), asked);
        assertFalse(asked.contains("✓") || asked.contains("Answer"), asked);
        String shown = joined(drawn(plan.still(19), 480, 270));
        assertTrue(shown.contains("✓ D   grows by more than 100×") && shown.contains("Answer D:"), shown);
    }

    @Test
    void gifAndMp4HaveEveryFrameOfThePlan(@TempDir Path dir) throws Exception {
        Path gif = dir.resolve("a.gif");
        assertTrue(MovieExporter.run(VANISHING, PART, MovieExporter.Kind.GIF, gif, new AwtFrameSource(VANISHING, PART),
                (d, t) -> { }, new AtomicBoolean()).complete());
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            reader.setInput(in);
            assertEquals(PART_FRAMES, reader.getNumImages(true));
            assertEquals(480, reader.read(0).getWidth());
            assertEquals(270, reader.read(0).getHeight());
        } finally {
            reader.dispose();
        }
        Path again = dir.resolve("b.gif");
        assertTrue(MovieExporter.run(VANISHING, PART, MovieExporter.Kind.GIF, again, new AwtFrameSource(VANISHING, PART),
                (d, t) -> { }, new AtomicBoolean()).complete());
        org.junit.jupiter.api.Assertions.assertArrayEquals(Files.readAllBytes(gif), Files.readAllBytes(again),
                "the same export twice gives the same file");
        Path mp4 = dir.resolve("a.mp4");
        assertTrue(MovieExporter.run(VANISHING, PART, MovieExporter.Kind.MP4, mp4, new AwtFrameSource(VANISHING, PART),
                (d, t) -> { }, new AtomicBoolean()).complete());
        FrameGrab grab = FrameGrab.createFrameGrab(NIOUtils.readableChannel(mp4.toFile()));
        int n = 0;
        for (Picture p = grab.getNativeFrame(); p != null; p = grab.getNativeFrame()) {
            n++;
            assertEquals(480, p.getCroppedWidth());
        }
        assertEquals(PART_FRAMES, n);
    }

    private static Exporter.Result export(FormatExport.Format f, Path out) throws Exception {
        FormatExport.prepare(f, out, LESSON);
        return FormatExport.run(f, VANISHING, LESSON, out, new AwtFrameSource(VANISHING, LESSON), (d, t) -> { },
                new AtomicBoolean());
    }

    @Test
    void thePdfIsOnePagePerStillWithItsTextAsText(@TempDir Path dir) throws Exception {
        Path pdf = dir.resolve("p.pdf");
        assertTrue(export(FormatExport.Format.PDF, pdf).complete());
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertEquals(6, doc.getNumberOfPages(), "4 beats, 2 of them a question and its reveal");
            assertEquals(960, doc.getPage(0).getMediaBox().getWidth(), 0.01, "the text is in the frame, no band");
            assertEquals(540, doc.getPage(0).getMediaBox().getHeight(), 0.01);
            String first = page(doc, 1);
            assertTrue(first.contains("Forward: 30 steps and one output"), first);
            assertTrue(first.contains("Gradient norm by step t"), "the plot is there: " + first);
            String asked = page(doc, 5);
            assertTrue(asked.contains(Q1), asked);
            assertTrue(asked.contains("A smaller by more than 100×"), asked);
            assertFalse(asked.contains("✓") || asked.contains("Answer") || asked.contains("10⁻⁹"), asked);
            String shown = page(doc, 6);
            assertTrue(shown.contains("✓ A smaller by more than 100×") && shown.contains("Answer A:"), shown);
            assertTrue(shown.contains("At t = 1, ∂L/∂h_1 is about 10⁻⁹ of ∂L/∂h_30"), shown);
        }
    }

    private static String page(PDDocument doc, int k) throws Exception {
        PDFTextStripper strip = new PDFTextStripper();
        strip.setStartPage(k);
        strip.setEndPage(k);
        return strip.getText(doc).replaceAll("\\s+", " ");
    }

    @Test
    void theSvgStillsHoldTheTextAndTheManifestTheAnswers(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("svg");
        assertTrue(export(FormatExport.Format.SVG, out).complete());
        String asked = Files.readString(out.resolve("beat-03.svg"));
        assertTrue(asked.contains("D   grows by more than 100×"), "choices are text");
        assertFalse(asked.contains("✓") || asked.contains("Answer D"));
        String shown = Files.readString(out.resolve("beat-04.svg"));
        assertTrue(shown.contains("✓ D   grows by more than 100×") && shown.contains("Answer D:"));
        assertTrue(shown.contains("Gradient norm by step t (log scale)"));
        JsonNode m = new ObjectMapper().readTree(out.resolve(StillsManifest.NAME).toFile());
        assertEquals("presentation", m.get("layout").asText());
        assertEquals(6, m.get("stills").size());
        assertEquals("D", m.get("stills").get(2).get("question").get("answer").asText());
        assertEquals(3, m.get("stills").get(3).get("reveals").asInt());
    }

    @Test
    void theDeckHasAQuestionSlideThenItsRevealWithNotes(@TempDir Path dir) throws Exception {
        Path pptx = dir.resolve("d.pptx");
        assertTrue(export(FormatExport.Format.PPTX, pptx).complete());
        try (InputStream in = Files.newInputStream(pptx); XMLSlideShow ppt = new XMLSlideShow(in)) {
            List<XSLFSlide> slides = ppt.getSlides();
            assertEquals(6, slides.size());
            String asked = altText(slides.get(4));
            assertTrue(asked.contains(Q1) && asked.contains("A   smaller by more than 100×"), asked);
            assertFalse(asked.contains("✓") || asked.contains("Answer"), asked);
            String shown = altText(slides.get(5));
            assertTrue(shown.contains("✓ A   smaller by more than 100×") && shown.contains("Answer A:"), shown);
            assertTrue(shown.contains("At t = 1, ∂L/∂h_1 is about 10⁻⁹"), shown);
            // the notes carry the captions the window generates there (a lecturer's, not on the slide)
            assertEquals(String.join("\n", Captions.at(VANISHING.trace(), 34.0)), notes(ppt, slides.get(3)));
            assertTrue(notes(ppt, slides.get(4)).contains("Answer A:"), "the lecturer's notes know the answer");
        }
    }

    private static String altText(XSLFSlide slide) {
        StringBuilder b = new StringBuilder();
        int pictures = 0;
        for (XSLFShape s : slide.getShapes()) {
            if (s instanceof XSLFPictureShape p) {
                pictures++;
                b.append(((org.openxmlformats.schemas.presentationml.x2006.main.CTPicture) p.getXmlObject())
                        .getNvPicPr().getCNvPr().getDescr());
            }
        }
        assertEquals(1, pictures, "the frame fills the slide");
        return b.toString();
    }

    private static String notes(XMLSlideShow ppt, XSLFSlide slide) {
        for (XSLFTextShape s : ppt.getNotesSlide(slide).getPlaceholders()) {
            if (s.getTextType() == Placeholder.BODY) {
                return s.getText();
            }
        }
        return "";
    }

    @Test
    void theBeamerFolderShowsEachStillOnASlideAndCompiles(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("beamer");
        assertTrue(export(FormatExport.Format.BEAMER, out).complete());
        String tex = Files.readString(out.resolve(BeamerWriter.TEX));
        Matcher inc = Pattern.compile("\\\\includegraphics\\[[^]]*]\\{([^}]+)}").matcher(tex);
        int included = 0;
        while (inc.find()) {
            assertTrue(Files.isRegularFile(out.resolve(inc.group(1))), inc.group(1));
            included++;
        }
        assertEquals(6, included);
        try (PDDocument doc = Loader.loadPDF(out.resolve("frames/beat-3.pdf").toFile())) {
            String asked = page(doc, 1);
            assertTrue(asked.contains("D grows by more than 100×"), asked);
            assertFalse(asked.contains("✓") || asked.contains("Answer"), asked);
        }
        try (PDDocument doc = Loader.loadPDF(out.resolve("frames/beat-4.pdf").toFile())) {
            assertTrue(page(doc, 1).contains("Answer D:"));
        }
        Assumptions.assumeTrue(FormatExportTest.onPath("pdflatex"), "pdflatex is not installed: checked, not compiled");
        for (int run = 0; run < 2; run++) {
            Process p = new ProcessBuilder("pdflatex", "-interaction=nonstopmode", "-halt-on-error", "lesson.tex")
                    .directory(out.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("latex.log").toFile())
                    .start();
            assertTrue(p.waitFor(180, TimeUnit.SECONDS), "pdflatex finished");
            assertEquals(0, p.exitValue(), Files.readString(dir.resolve("latex.log")));
        }
        try (PDDocument doc = Loader.loadPDF(out.resolve("lesson.pdf").toFile())) {
            assertEquals(7, doc.getNumberOfPages(), "the animation and one slide per still");
        }
    }

    /**
     * Every frame of the whole lesson's animation and every still at 1920×1080: no text under 14 px, each
     * text inside its part of the frame (so none is cut by the part's edge), and the texts of the lesson
     * band and of the plot never overlap one another.
     */
    @Test
    void everyFrameIsReadableFromTheBackRow() {
        ExportOptions full = new ExportOptions(1920, 1080, 1, 1, org.unrolled.view.Phase.BOTH, 0, 0, "light",
                "frame_%04d.png", ExportOptions.Layout.PRESENTATION);
        FramePlan plan = new FramePlan(VANISHING, full);
        // 61 frames (positions 0 to 60), 6 of them held for 4: beats at 30 and 31, questions at 33/34 and 59/60
        assertEquals(61 + 6 * 3, plan.count());
        List<Stills.Still> all = new ArrayList<>(Stills.of(VANISHING, full));
        for (int i = 0; i < plan.count(); i++) {
            all.add(plan.still(i));
        }
        for (String theme : new String[] {"light", "projector"}) {
            PresentationLayout layout = PresentationLayout.forExport(VANISHING, new ExportOptions(1920, 1080, 1, 1,
                    org.unrolled.view.Phase.BOTH, 0, 0, theme, "frame_%04d.png", ExportOptions.Layout.PRESENTATION));
            for (Stills.Still s : all) {
                RecordingPen pen = new RecordingPen(null);
                PresentationLayout.Regions r = layout.paint(pen, s);
                String at = theme + " at " + s.position() + (s.ask() == null ? "" : s.ask().revealed() ? " (reveal)" : " (question)");
                assertTrue(r.networkBottom() - r.networkTop() > 0.3 * 1080, "the network has room: " + at + " " + r);
                List<RecordingPen.DrawnText> band = new ArrayList<>();
                List<RecordingPen.DrawnText> plot = new ArrayList<>();
                for (RecordingPen.DrawnText t : pen.texts()) {
                    assertTrue(t.size() >= 14 - 1e-9, "under 14 px: " + t + " " + at);
                    assertTrue(t.x() >= -0.5 && t.x() + t.w() <= 1920.5 && t.y() >= -0.5 && t.y() + t.h() <= 1080.5,
                            "off the frame: " + t + " " + at);
                    if (t.y() + t.h() <= r.bandBottom() + 0.5) {
                        band.add(t);
                    } else if (t.y() >= r.plotTop() - 0.5) {
                        plot.add(t);
                    } else {
                        assertTrue(t.y() >= r.networkTop() - 0.5 && t.y() + t.h() <= r.networkBottom() + 0.5,
                                "straddles two parts (cut): " + t + " " + at + " " + r);
                    }
                }
                assertFalse(band.isEmpty() && !PresentationLayout.shownCaptions(s).isEmpty(), at);
                noOverlap(band, at);
                noOverlap(plot, at);
            }
        }
    }

    /**
     * Every still of every sample at 1920×1080 (their lessons' beats, questions and reveals): no text under
     * 14 px, the lesson's text and the plot's inside the frame and apart, the network's inside its band of
     * the frame (it may scroll sideways, as in the window, when the sequence is long).
     */
    @Test
    void everySampleStillIsReadable() throws Exception {
        List<String> names;
        try (var files = Files.list(Path.of("samples"))) {
            names = files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".json")).sorted().toList();
        }
        assertTrue(names.size() >= 20, names.toString());
        for (String name : names) {
            DocumentTrace trace = DocumentTrace.run(Samples.load(name));
            ExportOptions o = ExportOptions.defaults().withLayout(ExportOptions.Layout.PRESENTATION);
            PresentationLayout layout = PresentationLayout.forExport(trace, o);
            for (Stills.Still s : Stills.of(trace, o)) {
                RecordingPen pen = new RecordingPen(null);
                PresentationLayout.Regions r = layout.paint(pen, s);
                String at = name + " " + s.title();
                List<RecordingPen.DrawnText> band = new ArrayList<>();
                List<RecordingPen.DrawnText> plot = new ArrayList<>();
                for (RecordingPen.DrawnText t : pen.texts()) {
                    assertTrue(t.size() >= 14 - 1e-9, "under 14 px: " + t + " " + at);
                    if (t.y() + t.h() <= r.bandBottom() + 0.5) {
                        band.add(t);
                    } else if (t.y() >= r.plotTop() - 0.5) {
                        plot.add(t);
                    } else {
                        assertTrue(t.y() >= r.networkTop() - 0.5 && t.y() + t.h() <= r.networkBottom() + 0.5,
                                "straddles two parts (cut): " + t + " " + at + " " + r);
                    }
                }
                for (RecordingPen.DrawnText t : band) {
                    assertTrue(t.x() >= -0.5 && t.x() + t.w() <= 1920.5, "off the frame: " + t + " " + at);
                }
                for (RecordingPen.DrawnText t : plot) {
                    assertTrue(t.x() >= -0.5 && t.x() + t.w() <= 1920.5 && t.y() + t.h() <= 1080.5, "off: " + t + " " + at);
                }
                noOverlap(band, at);
                noOverlap(plot, at);
            }
        }
    }

    /**
     * An animation and its slides show the network at one zoom throughout: it starts where the frames at
     * four a step (one a step for a long sequence) end, so it never steps up mid-animation, and a beat's
     * slide is the picture of the same beat animated. The vanishing lesson at 10 frames a second, and at 30
     * the translation and the one-step lessons, where frames between two steps need more than the steps.
     */
    @Test
    void theNetworksZoomIsOneThroughTheAnimationAndItsSlides() {
        oneZoom(VANISHING, 10);
        oneZoom(DocumentTrace.run(Samples.load("translation.json")), 30);
        oneZoom(DocumentTrace.run(Samples.load("rnn-step.json")), 30);
    }

    private static void oneZoom(DocumentTrace trace, int fps) {
        ExportOptions o = new ExportOptions(1920, 1080, fps, 1, org.unrolled.view.Phase.BOTH, 0, 0, "light",
                "frame_%04d.png", ExportOptions.Layout.PRESENTATION);
        PresentationLayout layout = PresentationLayout.forExport(trace, o);
        double start = layout.start();
        String at = trace.title() + " at " + fps + " fps";
        assertTrue(start >= PresentationLayout.unit(1920, 1080), at + ": a zoom to start from: " + start);
        FramePlan plan = new FramePlan(trace, o);
        double scale = start;
        java.util.Set<Double> animated = new java.util.TreeSet<>();
        for (int i = 0; i < plan.count(); i++) {
            if (!plan.repeatsPrevious(i)) {
                scale = layout.scale(plan.still(i), scale);
                animated.add(scale);
            }
        }
        assertEquals(java.util.Set.of(start), animated, at + ": the zoom in the animation's " + plan.count() + " frames");
        scale = start;
        java.util.Set<Double> slides = new java.util.TreeSet<>();
        for (Stills.Still s : Stills.of(trace, o)) {
            scale = layout.scale(s, scale);
            slides.add(scale);
        }
        assertEquals(java.util.Set.of(start), slides, at + ": the zoom on the slides");
    }

    @Test
    void anExportedFrameSaysNothingOfKeysToPress() {
        ExportOptions o = ExportOptions.defaults().withLayout(ExportOptions.Layout.PRESENTATION);
        FramePlan plan = new FramePlan(VANISHING, o);
        RecordingPen pen = new RecordingPen(null);
        PresentationLayout.forExport(VANISHING, o).paint(pen, plan.still(0));
        List<String> texts = pen.texts().stream().map(RecordingPen.DrawnText::text).toList();
        // before the backward pass the plot says what will fill it; a video cannot be played on, nor End pressed
        assertTrue(texts.contains("The backward pass fills this in."), texts.toString());
        assertFalse(texts.stream().anyMatch(t -> t.contains("press") || t.contains("End.")), texts.toString());
    }

    private static void noOverlap(List<RecordingPen.DrawnText> texts, String at) {
        for (int i = 0; i < texts.size(); i++) {
            for (int j = i + 1; j < texts.size(); j++) {
                RecordingPen.DrawnText a = texts.get(i);
                RecordingPen.DrawnText b = texts.get(j);
                // a line's box includes its leading: neighbouring lines may touch by a pixel or two
                double dx = Math.min(a.x() + a.w(), b.x() + b.w()) - Math.max(a.x(), b.x());
                double dy = Math.min(a.y() + a.h(), b.y() + b.h()) - Math.max(a.y(), b.y());
                assertFalse(dx > 1 && dy > 2, "overlap: " + a + " and " + b + " " + at);
            }
        }
    }

    @Test
    void aBeatsFrameSaysWhichBeatItIsAsTheLessonBarDoes() {
        ExportOptions o = ExportOptions.defaults().withLayout(ExportOptions.Layout.PRESENTATION);
        PresentationLayout layout = new PresentationLayout(VANISHING, Palette.LIGHT, 1920, 1080);
        List<String> counters = new ArrayList<>();
        for (Stills.Still s : Stills.of(VANISHING, o)) {
            RecordingPen pen = new RecordingPen(null);
            layout.paint(pen, s);
            pen.texts().stream().map(RecordingPen.DrawnText::text).filter(t -> t.startsWith("Beat ")).forEach(counters::add);
        }
        // the vanishing lesson: four beats, the last two asked as questions before they are revealed
        assertEquals(List.of("Beat 1 of 4", "Beat 2 of 4", "Beat 3 of 4 \u2014 question", "Beat 3 of 4",
                "Beat 4 of 4 \u2014 question", "Beat 4 of 4"), counters);
    }
}
