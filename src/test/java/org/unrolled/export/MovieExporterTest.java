package org.unrolled.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.jcodec.api.FrameGrab;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.model.Picture;
import org.jcodec.scale.AWTUtil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unrolled.document.DocumentTrace;
import org.unrolled.io.Samples;
import org.unrolled.view.Phase;
import org.unrolled.view.StepSchedule;

/** GIF and MP4: decoded back with the same libraries, frame count and size as asked, identical between runs. */
class MovieExporterTest {
    private static final DocumentTrace TRACE = DocumentTrace.run(Samples.load("gru-seq2seq.json"));
    private static final ExportOptions SMALL = new ExportOptions(320, 180, 4, 0.5, Phase.BOTH, 0, 0,
            "light", "frame_%04d.png");

    @BeforeAll
    static void startFx() throws Exception {
        HeadlessFx.start();
    }

    private static Exporter.Result export(ExportOptions o, MovieExporter.Kind kind, Path file) throws Exception {
        return MovieExporter.run(TRACE, o, kind, file, new AwtFrameSource(TRACE, o), (d, t) -> { }, new AtomicBoolean());
    }

    private static int planned(ExportOptions o) {
        return new FramePlan(new StepSchedule(TRACE.trace()), o).count();
    }

    @Test
    void gifLoopsWithEveryFrameAtTheSize(@TempDir Path dir) throws Exception {
        Path gif = dir.resolve("a.gif");
        Exporter.Result r = export(SMALL, MovieExporter.Kind.GIF, gif);
        assertTrue(r.complete());
        // seq2seq, 5 encoder + 3 decoder steps, both passes in one stretch of 16 steps, 2 frames a step, and the last
        assertEquals(8, new StepSchedule(TRACE.trace()).length());
        assertEquals(33, planned(SMALL));
        assertEquals(33, r.framesWritten());
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            reader.setInput(in);
            assertEquals(33, reader.getNumImages(true));
            BufferedImage first = reader.read(0);
            assertEquals(320, first.getWidth());
            assertEquals(180, first.getHeight());
            assertEquals(320, reader.read(32).getWidth());
        } finally {
            reader.dispose();
        }
        String bytes = new String(Files.readAllBytes(gif), StandardCharsets.ISO_8859_1);
        assertTrue(bytes.contains("NETSCAPE2.0"), "the looping extension is there");
        // 4 fps: 25 hundredths a frame, in the graphic control extension (0x21 0xF9 0x04 flags delay-lo delay-hi)
        int gce = bytes.indexOf("\u0021\u00f9\u0004");
        assertEquals(25, bytes.charAt(gce + 4) | bytes.charAt(gce + 5) << 8);
    }

    @Test
    void aGifLastsAsLongAsItsAnimationAtAnyFrameRate(@TempDir Path dir) throws Exception {
        // 30 fps: a frame cannot last 1/30 s in hundredths; 3, 3 and 4 in turn keep the whole on time
        ExportOptions thirty = new ExportOptions(160, 90, 30, 0.1, Phase.BOTH, 0, 0, "light", "frame_%04d.png");
        Path gif = dir.resolve("thirty.gif");
        assertTrue(export(thirty, MovieExporter.Kind.GIF, gif).complete());
        int frames = planned(thirty); // 16 steps at 3 frames a step, and the last
        assertEquals(49, frames);
        String bytes = new String(Files.readAllBytes(gif), StandardCharsets.ISO_8859_1);
        int total = 0;
        int seen = 0;
        for (int gce = bytes.indexOf("\u0021\u00f9\u0004"); gce >= 0; gce = bytes.indexOf("\u0021\u00f9\u0004", gce + 1)) {
            int delay = bytes.charAt(gce + 4) | bytes.charAt(gce + 5) << 8;
            assertTrue(delay == 3 || delay == 4, "frame " + seen + " lasts " + delay + " hundredths");
            total += delay;
            seen++;
        }
        assertEquals(frames, seen, "one graphic control extension a frame");
        assertEquals(Math.round(100.0 * frames / 30), total, "49 frames at 30 fps: 1.63 s, not 49 × 3 hundredths");
        // faster than 50 fps would need frames of 1 hundredth, which browsers slow to 10: refused, saying why
        ExportOptions sixty = new ExportOptions(160, 90, 60, 0.1, Phase.BOTH, 0, 0, "light", "frame_%04d.png");
        ExportException refused = assertThrows(ExportException.class,
                () -> FormatExport.prepare(FormatExport.Format.GIF, dir.resolve("sixty.gif"), sixty));
        assertTrue(refused.getMessage().contains("a GIF plays at most 50 frames a second"), refused.getMessage());
    }

    @Test
    void mp4DecodesToEveryFrameAtTheSize(@TempDir Path dir) throws Exception {
        Path mp4 = dir.resolve("a.mp4");
        Exporter.Result r = export(SMALL, MovieExporter.Kind.MP4, mp4);
        assertTrue(r.complete());
        FrameGrab grab = FrameGrab.createFrameGrab(NIOUtils.readableChannel(mp4.toFile()));
        int n = 0;
        Picture last = null;
        for (Picture p = grab.getNativeFrame(); p != null; p = grab.getNativeFrame()) {
            n++;
            last = p;
            // H.264 codes 16-pixel macroblocks; the stream's cropping brings 192 rows back to 180
            assertEquals(320, p.getCroppedWidth());
            assertEquals(180, p.getCroppedHeight());
        }
        assertEquals(33, n);
        // the last frame decodes to the picture: its background is the light theme's, not black or green
        BufferedImage img = AWTUtil.toBufferedImage(last.cropped());
        int bg = img.getRGB(2, 2);
        assertTrue(((bg >> 16) & 255) > 230 && ((bg >> 8) & 255) > 230 && (bg & 255) > 225,
                Integer.toHexString(bg));
    }

    @Test
    void exportingTwiceGivesIdenticalFiles(@TempDir Path dir) throws Exception {
        for (MovieExporter.Kind kind : MovieExporter.Kind.values()) {
            Path a = dir.resolve("a." + kind);
            Path b = dir.resolve("b." + kind);
            export(SMALL, kind, a);
            export(SMALL, kind, b);
            assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b), kind + " differs between runs");
        }
    }

    @Test
    void theFileIsTheSameWhateverTheNumberOfEncoderThreads(@TempDir Path dir) throws Exception {
        // 33 frames: an MP4's two runs (30 frames from a key frame, then 3), a GIF's 33 frames standing alone
        assertTrue(planned(SMALL) > Mp4Writer.KEY_INTERVAL);
        for (MovieExporter.Kind kind : MovieExporter.Kind.values()) {
            byte[] one = null;
            for (int lanes = 1; lanes <= 3; lanes++) {
                Path f = dir.resolve(lanes + "." + kind);
                Exporter.Result r = MovieExporter.run(TRACE, SMALL, kind, f, new AwtFrameSource(TRACE, SMALL), (d, t) -> { },
                        new AtomicBoolean(), lanes);
                assertTrue(r.complete());
                if (one == null) {
                    one = Files.readAllBytes(f);
                } else {
                    assertArrayEquals(one, Files.readAllBytes(f), kind + " on " + lanes + " threads differs from one");
                }
            }
        }
    }

    @Test
    void aPresentationMp4IsTheSameWhateverTheNumberOfEncoderThreads(@TempDir Path dir) throws Exception {
        // the lanes take an MP4's frames out of order (a run of 30 each); the presentation layout's network
        // scale, carried from one still to the next, must not follow the order they are drawn in. An export
        // starts at a zoom that rarely needs to grow; started from none, in this lesson at 4 frames a second
        // it grows at frame 36: drawn early by a second lane, it would have made frames 7 to 30 larger
        DocumentTrace step = DocumentTrace.run(Samples.load("rnn-step.json"));
        ExportOptions o = new ExportOptions(320, 180, 4, 1, Phase.BOTH, 0, 0, "light", "f_%04d.png",
                ExportOptions.Layout.PRESENTATION);
        FramePlan plan = new FramePlan(step, o);
        assertTrue(plan.count() > 2 * Mp4Writer.KEY_INTERVAL);
        PresentationLayout sizes = PresentationLayout.startingUnzoomed(step, o);
        double first = sizes.scale(plan.still(0), sizes.start());
        double atRun = first;
        for (int i = 1; i <= Mp4Writer.KEY_INTERVAL + 10; i++) {
            atRun = sizes.scale(plan.still(i), atRun);
        }
        assertTrue(atRun > first, "the zoom grows early in the second run: " + first + " to " + atRun);
        byte[] one = null;
        for (int lanes = 1; lanes <= 2; lanes++) {
            Path f = dir.resolve(lanes + ".mp4");
            assertTrue(MovieExporter.run(step, o, MovieExporter.Kind.MP4, f, new AwtFrameSource(step, o,
                    PresentationLayout.startingUnzoomed(step, o)),
                    (d, t) -> { }, new AtomicBoolean(), lanes).complete());
            if (one == null) {
                one = Files.readAllBytes(f);
            } else {
                assertArrayEquals(one, Files.readAllBytes(f), "on " + lanes + " threads it differs from one");
            }
        }
    }

    @Test
    void theGifIsWhatTheLibraryWritesAddingTheFramesOneByOne(@TempDir Path dir) throws Exception {
        Path gif = dir.resolve("lanes.gif");
        export(SMALL, MovieExporter.Kind.GIF, gif);
        // the same frames through animated-gif-lib's own addFrame, on one thread
        java.io.ByteArrayOutputStream expected = new java.io.ByteArrayOutputStream();
        DiagramGifEncoder one = new DiagramGifEncoder();
        one.setRepeat(0);
        one.setSize(SMALL.width(), SMALL.height());
        one.start(expected);
        FramePlan plan = new FramePlan(TRACE, SMALL);
        AwtFrameSource source = new AwtFrameSource(TRACE, SMALL);
        int[] px = new int[SMALL.width() * SMALL.height()];
        for (int i = 0; i < plan.count(); i++) {
            one.setDelay(GifWriter.delayMillis(i, SMALL.fps()));
            source.render(plan.position(i), px);
            BufferedImage img = new BufferedImage(SMALL.width(), SMALL.height(), BufferedImage.TYPE_3BYTE_BGR);
            img.setRGB(0, 0, SMALL.width(), SMALL.height(), px, 0, SMALL.width());
            assertTrue(one.addFrame(img));
        }
        assertTrue(one.finish());
        assertArrayEquals(expected.toByteArray(), Files.readAllBytes(gif));
    }

    @Test
    void theMp4ShowsTheThemesBackgroundColour(@TempDir Path dir) throws Exception {
        Path mp4 = dir.resolve("bg.mp4");
        export(SMALL, MovieExporter.Kind.MP4, mp4);
        Picture first = FrameGrab.createFrameGrab(NIOUtils.readableChannel(mp4.toFile())).getNativeFrame();
        int bg = AWTUtil.toBufferedImage(first.cropped()).getRGB(2, 2);
        // the light theme's background, #fbfbf8 (251, 251, 248), within what H.264 at this quality changes
        assertEquals(251, bg >> 16 & 255, 3, Integer.toHexString(bg));
        assertEquals(251, bg >> 8 & 255, 3, Integer.toHexString(bg));
        assertEquals(248, bg & 255, 3, Integer.toHexString(bg));
    }

    @Test
    void aCancelledExportLeavesNoFile(@TempDir Path dir) throws Exception {
        Path mp4 = dir.resolve("c.mp4");
        AtomicBoolean cancel = new AtomicBoolean();
        Exporter.Result r = MovieExporter.run(TRACE, SMALL, MovieExporter.Kind.MP4, mp4, new AwtFrameSource(TRACE, SMALL),
                (done, total) -> {
                    if (done == 5) {
                        cancel.set(true);
                    }
                }, cancel);
        assertFalse(r.complete());
        assertTrue(r.framesWritten() < 33);
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(0, left.count(), "neither the file nor its temporary is left");
        }
    }

    @Test
    void anExistingFileIsNeverReplaced(@TempDir Path dir) throws Exception {
        Path gif = dir.resolve("kept.gif");
        Files.writeString(gif, "mine");
        ExportException e = assertThrows(ExportException.class, () -> export(SMALL, MovieExporter.Kind.GIF, gif));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
        assertEquals("mine", Files.readString(gif));
    }

    @Test
    void anOddSizedMp4IsRefusedWithAReason(@TempDir Path dir) {
        ExportOptions odd = new ExportOptions(321, 180, 4, 0.5, Phase.FORWARD, 0, 0, "light", "f_%04d.png");
        ExportException e = assertThrows(ExportException.class,
                () -> export(odd, MovieExporter.Kind.MP4, dir.resolve("odd.mp4")));
        assertTrue(e.getMessage().contains("even width and height"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("odd.mp4")));
    }

    /** level_idc in the file's avcC box (after "avcC": version, profile, compatibility, level). */
    private static int avcLevel(Path mp4) throws Exception {
        byte[] b = Files.readAllBytes(mp4);
        for (int i = 0; i + 8 < b.length; i++) {
            if (b[i] == 'a' && b[i + 1] == 'v' && b[i + 2] == 'c' && b[i + 3] == 'C') {
                return b[i + 7] & 0xff;
            }
        }
        throw new AssertionError("no avcC box in " + mp4);
    }

    @Test
    void theMp4SaysTheH264LevelItsSizeAndRateNeed(@TempDir Path dir) throws Exception {
        Path mp4 = dir.resolve("level.mp4");
        export(SMALL, MovieExporter.Kind.MP4, mp4);
        int mbs = ((SMALL.width() + 15) / 16) * ((SMALL.height() + 15) / 16);
        // by hand from Table A-1 of H.264: the smallest level whose frame size and macroblock rate hold it
        int expected = mbs <= 99 && mbs * SMALL.fps() <= 1485 ? 10 : mbs <= 396 && mbs * SMALL.fps() <= 3000 ? 11 : -1;
        assertTrue(expected > 0, "the test's small export fits level 1 or 1.1");
        assertEquals(expected, avcLevel(mp4));
        // 1080p at 30 frames a second: 8160 macroblocks a frame, 244,800 a second: level 4.0
        assertEquals(40, H264Level.of(1920, 1080, 30));
        // at 60 frames a second the rate needs level 4.2 (522,240 a second)
        assertEquals(42, H264Level.of(1920, 1080, 60));
        // 4K at 30: 32,400 a frame, 972,000 a second: level 5.1
        assertEquals(51, H264Level.of(3840, 2160, 30));
        // a side longer than √(8 · MaxFS) macroblocks needs a higher level though the area fits: 257 across is
        // over 4.0's and 4.1's 256, within 4.2's 263
        assertEquals(42, H264Level.of(4112, 32, 30));
        assertEquals(-1, H264Level.of(7680, 7680, 30), "230,400 macroblocks: more than level 6.2's 139,264");
    }

    @Test
    void anMp4LargerThanAnyH264LevelIsRefusedWithAReason(@TempDir Path dir) {
        ExportOptions huge = new ExportOptions(7680, 7680, 4, 0.5, Phase.FORWARD, 0, 0, "light", "f_%04d.png");
        ExportException e = assertThrows(ExportException.class,
                () -> export(huge, MovieExporter.Kind.MP4, dir.resolve("huge.mp4")));
        assertTrue(e.getMessage().contains("level 6.2"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("huge.mp4")));
    }
}
