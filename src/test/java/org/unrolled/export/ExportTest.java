package org.unrolled.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unrolled.document.DocumentTrace;
import org.unrolled.engine.Engine;
import org.unrolled.io.Samples;
import org.unrolled.view.Phase;
import org.unrolled.view.StepSchedule;

/** The headless export: frames, manifest, determinism, cancelling, and folders it must not use. */
class ExportTest {
    private static final DocumentTrace SEQ2SEQ = DocumentTrace.run(Samples.load("gru-seq2seq.json"));
    private static final ExportOptions SMALL = new ExportOptions(480, 270, 4, 0.5, Phase.BOTH, 0, 0,
            "light", "frame_%04d.png");

    @BeforeAll
    static void startFx() throws Exception {
        HeadlessFx.start();
    }

    private static Exporter.Result export(DocumentTrace trace, ExportOptions o, Path dir, AtomicBoolean cancel) throws Exception {
        Exporter.prepareFolder(dir, o);
        return Exporter.run(trace, o, dir, new AwtFrameSource(trace, o), (done, total) -> { }, cancel);
    }

    private static List<Path> frames(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
    }

    private static String hash(Path dir) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        for (Path f : frames(dir)) {
            md.update(Files.readAllBytes(f));
        }
        return HexFormat.of().formatHex(md.digest());
    }

    @Test
    void planCoversBothPhasesAtTheFrameRate() {
        StepSchedule timeline = new StepSchedule(SEQ2SEQ.trace());
        FramePlan plan = new FramePlan(timeline, SMALL);
        // 8 steps forward and 8 back, 2 frames per step, plus the last frame
        assertEquals(2 * 8 * 2 + 1, plan.count());
        assertEquals(0.0, plan.position(0));
        assertEquals(16.0, plan.position(plan.count() - 1));
        FramePlan range = new FramePlan(timeline, new ExportOptions(480, 270, 4, 0.5, Phase.BOTH, 3, 5,
                "light", "f_%d.png"));
        // forward 2..5 (3 steps) then backward over steps 5..3 (3 steps): two segments of 7 frames
        assertEquals(14, range.count());
        assertEquals(2.0, range.position(0));
        assertEquals(5.0, range.position(6));
        assertEquals(timeline.backwardPositionOf(5) - 1, range.position(7));
        assertEquals(timeline.backwardPositionOf(3), range.position(13));
    }

    @Test
    void exportWritesEveryFrameAndAManifestThatSaysWhatEachShows(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("frames");
        Exporter.Result r = export(SEQ2SEQ, SMALL, out, new AtomicBoolean());
        assertTrue(r.complete());
        List<Path> files = frames(out);
        assertEquals(33, files.size());
        BufferedImage first = ImageIO.read(files.get(0).toFile());
        assertEquals(480, first.getWidth());
        assertEquals(270, first.getHeight());
        JsonNode m = new ObjectMapper().readTree(out.resolve("frames.json").toFile());
        assertTrue(m.get("complete").booleanValue());
        assertEquals(33, m.get("frames").size());
        JsonNode f = m.at("/frames/20");
        assertEquals("frame_0021.png", f.get("file").asText());
        assertEquals("backward", f.get("phase").asText());
        assertEquals(10.0, f.get("position").asDouble());
        assertEquals("decoder", f.get("sequence").asText());
        assertEquals(2, f.get("t").asInt(), "position 10 = 2 backward steps done: the gradient of decoder step 2");
    }

    @Test
    void theManifestNamesTheQuestionFramesAndTheirAnswers(@TempDir Path dir) throws Exception {
        org.unrolled.document.ScenarioDocument lesson = org.unrolled.io.Samples.load("rnn-vanishing.json");
        Path out = dir.resolve("frames");
        ExportOptions o = new ExportOptions(320, 180, 1, 1, Phase.BOTH, 0, 0, "light", "f_%d.png");
        assertTrue(export(DocumentTrace.run(lesson), o, out, new AtomicBoolean()).complete());
        JsonNode frames = new ObjectMapper().readTree(out.resolve("frames.json").toFile()).get("frames");
        // 30 steps: forward 0..30, backward 31..60; beat 4 (backward, t = 1) sits at 60, its question at 59
        JsonNode asked = null;
        JsonNode revealed = null;
        for (JsonNode f : frames) {
            if (f.has("question") && f.get("question").get("beat").asInt() == 4) {
                asked = f;
            }
            if (f.has("reveals") && f.get("reveals").asInt() == 4) {
                revealed = f;
            }
        }
        assertEquals(59.0, asked.get("position").asDouble(), "asked one step before the beat");
        assertEquals("A", asked.get("question").get("answer").asText(), "smaller by more than 100×: 1.1·10⁻⁹");
        assertEquals("smaller by more than 100×", asked.get("question").get("choices").get(0).asText());
        assertEquals(60.0, revealed.get("position").asDouble());
    }

    @Test
    void theManifestListsTheCaptionLinesShownAtEachFrame(@TempDir Path dir) throws Exception {
        org.unrolled.document.ScenarioDocument lesson = org.unrolled.io.Samples.load("rnn-vanishing.json");
        org.unrolled.document.Beat first = lesson.lesson().get(0);
        Path out = dir.resolve("frames");
        ExportOptions o = new ExportOptions(320, 180, 1, 1, Phase.BOTH, 0, 0, "light", "f_%d.png");
        assertTrue(export(DocumentTrace.run(lesson), o, out, new AtomicBoolean()).complete());
        JsonNode frames = new ObjectMapper().readTree(out.resolve("frames.json").toFile()).get("frames");
        StepSchedule timeline = new StepSchedule(org.unrolled.engine.Engine.run(lesson.scenario()));
        boolean sawBeat = false;
        for (JsonNode f : frames) {
            List<String> lines = new java.util.ArrayList<>();
            f.get("captions").forEach(c -> lines.add(c.asText()));
            double p = f.get("position").asDouble();
            List<String> generated = org.unrolled.view.Captions.at(Engine.run(lesson.scenario()), p);
            assertEquals(generated, lines.subList(lines.size() - generated.size(), lines.size()), "the generated lines at " + p);
            if (Math.abs(p - timeline.positionOf(first)) < 1e-9) {
                assertEquals(first.caption(), lines.get(0), "the beat placed at this frame comes first");
                sawBeat = true;
            }
        }
        assertTrue(sawBeat, "a frame sits on the first beat");
        assertEquals("Before the first step: the initial state h₀ is all the network holds.",
                frames.get(0).get("captions").get(frames.get(0).get("captions").size() - 1).asText());
    }

    @Test
    void exportingTwiceGivesIdenticalFiles(@TempDir Path dir) throws Exception {
        export(SEQ2SEQ, SMALL, dir.resolve("a"), new AtomicBoolean());
        export(SEQ2SEQ, SMALL, dir.resolve("b"), new AtomicBoolean());
        assertEquals(hash(dir.resolve("a")), hash(dir.resolve("b")));
    }

    /** The zlib stream of a PNG: its IDAT chunks' data, in order. */
    private static byte[] idat(byte[] png) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(png);
        b.position(8); // the signature
        while (b.remaining() >= 12) {
            int length = b.getInt();
            byte[] type = new byte[4];
            b.get(type);
            byte[] data = new byte[length];
            b.get(data);
            b.getInt(); // the CRC
            if (new String(type, java.nio.charset.StandardCharsets.US_ASCII).equals("IDAT")) {
                out.writeBytes(data);
            }
        }
        return out.toByteArray();
    }

    @Test
    void eachFrameHoldsTheDrawnPixelsAsTwoDeflateHalvesThatDependOnNothingElse(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("px");
        export(SEQ2SEQ, SMALL, out, new AtomicBoolean());
        FramePlan plan = new FramePlan(SEQ2SEQ, SMALL);
        List<Path> files = frames(out);
        assertEquals(33, files.size());
        // 0 and 16 are compressed whole by one lane; 32, the last, as two halves by two lanes where there are two
        for (int i : new int[] {0, 16, 32}) {
            // the frame as drawn, here on one thread, outside the export
            int[] drawn = new int[480 * 270];
            new AwtFrameSource(SEQ2SEQ, SMALL).render(plan.position(i), drawn);
            BufferedImage png = ImageIO.read(files.get(i).toFile());
            int[] decoded = png.getRGB(0, 0, 480, 270, null, 0, 480);
            for (int k = 0; k < drawn.length; k++) {
                assertEquals(drawn[k] | 0xff000000, decoded[k], "frame " + (i + 1) + ", pixel " + k);
            }
            // what java.util.zip makes of the scanlines, built here step by step: the zlib header, the upper 135
            // rows at level 1 ended by a sync flush, the lower 135 with the upper rows' last 32 KB as dictionary,
            // then the Adler-32 of them all; nothing cut where a machine's number of cores says
            byte[] stream = idat(Files.readAllBytes(files.get(i)));
            java.util.zip.Inflater inflater = new java.util.zip.Inflater();
            inflater.setInput(stream);
            int row = 1 + 480 * 3;
            byte[] scanlines = new byte[270 * row];
            assertEquals(scanlines.length, inflater.inflate(scanlines));
            assertTrue(inflater.finished());
            java.io.ByteArrayOutputStream again = new java.io.ByteArrayOutputStream();
            again.write(new byte[] {0x78, 0x01});
            byte[] room = new byte[1 << 20];
            java.util.zip.Deflater upper = new java.util.zip.Deflater(1, true);
            upper.setInput(scanlines, 0, 135 * row);
            again.write(room, 0, upper.deflate(room, 0, room.length, java.util.zip.Deflater.SYNC_FLUSH));
            java.util.zip.Deflater lower = new java.util.zip.Deflater(1, true);
            lower.setDictionary(scanlines, 135 * row - 32768, 32768);
            lower.setInput(scanlines, 135 * row, 135 * row);
            lower.finish();
            again.write(room, 0, lower.deflate(room));
            assertTrue(lower.finished());
            java.util.zip.Adler32 adler = new java.util.zip.Adler32();
            adler.update(scanlines);
            again.write(java.nio.ByteBuffer.allocate(4).putInt((int) adler.getValue()).array());
            assertTrue(java.util.Arrays.equals(stream, again.toByteArray()), "frame " + (i + 1)
                    + ": not the two halves at the export's level (" + stream.length + " bytes against " + again.size() + ")");
        }
    }

    @Test
    void cancellingStopsCleanlyAndTheManifestSaysSo(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("c");
        AtomicBoolean cancel = new AtomicBoolean();
        Exporter.prepareFolder(out, SMALL);
        Exporter.Result r = Exporter.run(SEQ2SEQ, SMALL, out, new AwtFrameSource(SEQ2SEQ, SMALL), (done, total) -> {
            if (done == 5) {
                cancel.set(true);
            }
        }, cancel);
        assertFalse(r.complete());
        assertTrue(r.framesWritten() >= 5 && r.framesWritten() < 33);
        try (Stream<Path> files = Files.list(out)) {
            assertTrue(files.noneMatch(p -> p.toString().endsWith(".part")), "no half-written frame");
        }
        JsonNode m = new ObjectMapper().readTree(out.resolve("frames.json").toFile());
        assertFalse(m.get("complete").booleanValue());
        assertEquals(r.framesWritten(), m.get("frames").size());
        assertEquals(r.framesWritten(), frames(out).size());
    }

    @Test
    void aFolderWithFramesIsNeverOverwritten(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("frame_0007.png"), "someone's frame");
        ExportException e = assertThrows(ExportException.class, () -> Exporter.prepareFolder(dir, SMALL));
        assertTrue(e.getMessage().contains("already holds frames (frame_0007.png)"), e.getMessage());
        assertEquals("someone's frame", Files.readString(dir.resolve("frame_0007.png")));
    }

    @Test
    void aFolderThatCannotBeWrittenIsReportedPlainly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("not-a-folder");
        Files.writeString(file, "x");
        ExportException e = assertThrows(ExportException.class, () -> Exporter.prepareFolder(file, SMALL));
        assertTrue(e.getMessage().contains("is a file, not a folder"), e.getMessage());
        ExportException e2 = assertThrows(ExportException.class,
                () -> Exporter.prepareFolder(file.resolve("inside"), SMALL));
        assertTrue(e2.getMessage().startsWith(file.resolve("inside").toString()), e2.getMessage());
        // a read-only folder (root may write anywhere, so only where permissions bind)
        Path readOnly = dir.resolve("ro");
        Files.createDirectory(readOnly);
        readOnly.toFile().setWritable(false, false);
        if (!Files.isWritable(readOnly)) {
            ExportException e3 = assertThrows(ExportException.class, () -> Exporter.prepareFolder(readOnly, SMALL));
            assertTrue(e3.getMessage().contains("not writable"), e3.getMessage());
        }
        readOnly.toFile().setWritable(true, false);
    }

    @Test
    void aFailedWriteIsReportedWithWhatWasWritten(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("gone");
        Exporter.prepareFolder(out, SMALL);
        // the folder disappears under the export after a few frames: writing fails plainly
        FrameSource source = new AwtFrameSource(SEQ2SEQ, SMALL);
        int[] calls = {0};
        FrameSource failing = (p, px) -> {
            source.render(p, px);
            if (++calls[0] == 4) {
                throw new IllegalStateException("disk full (simulated)");
            }
        };
        ExportException e = assertThrows(ExportException.class,
                () -> Exporter.run(SEQ2SEQ, SMALL, out, failing, (d, t) -> { }, new AtomicBoolean()));
        assertTrue(e.getMessage().contains("frame 4 could not be drawn"), e.getMessage());
        assertTrue(e.getMessage().contains("marks the export incomplete"), e.getMessage());
        JsonNode m = new ObjectMapper().readTree(out.resolve("frames.json").toFile());
        assertFalse(m.get("complete").booleanValue());
    }

    /** {@code source} drawing one frame at a time, in order, or on several threads, as {@code concurrent} says. */
    private static FrameSource drawing(FrameSource source, boolean concurrent, int failAt) {
        return drawing(source, concurrent, failAt, () -> null);
    }

    /** As {@link #drawing(FrameSource, boolean, int)}, running {@code beforeFailing} on the lane before frame {@code failAt} fails. */
    private static FrameSource drawing(FrameSource source, boolean concurrent, int failAt,
            java.util.concurrent.Callable<?> beforeFailing) {
        return new FrameSource() {
            @Override
            public boolean concurrent() {
                return concurrent;
            }

            @Override
            public void render(double position, int[] pixels) throws Exception {
                source.render(position, pixels);
            }

            @Override
            public void render(FramePlan plan, int i, int[] pixels) throws Exception {
                if (i == failAt) {
                    beforeFailing.call();
                    throw new IllegalStateException("out of paint (simulated)");
                }
                source.render(plan, i, pixels);
            }
        };
    }

    @Test
    void framesDrawnOnSeveralThreadsAtOnceAreTheFramesDrawnOneAtATime(@TempDir Path dir) throws Exception {
        ExportOptions o = new ExportOptions(320, 180, 6, 1.0, Phase.BOTH, 0, 0, "dark", "frame_%04d.png");
        boolean[] atOnce = new boolean[1];
        for (boolean concurrent : new boolean[] {true, false}) {
            Path out = dir.resolve(concurrent ? "lanes" : "one");
            Exporter.prepareFolder(out, o);
            FrameSource source = drawing(new AwtFrameSource(SEQ2SEQ, o), concurrent, -1);
            java.util.Set<String> names = java.util.concurrent.ConcurrentHashMap.newKeySet();
            // in lanes the first two frames wait (20 s at most) for each other: only two threads drawing at
            // the same moment get past at once; drawn one at a time, one thread draws them all (asserted below)
            java.util.concurrent.CountDownLatch two = new java.util.concurrent.CountDownLatch(2);
            Exporter.Result r = Exporter.run(SEQ2SEQ, o, out, new FrameSource() {
                @Override
                public boolean concurrent() {
                    return source.concurrent();
                }

                @Override
                public void render(double position, int[] pixels) throws Exception {
                    source.render(position, pixels);
                }

                @Override
                public void render(FramePlan plan, int i, int[] pixels) throws Exception {
                    names.add(Thread.currentThread().getName());
                    if (concurrent && i < 2) {
                        two.countDown();
                        boolean met = two.await(20, java.util.concurrent.TimeUnit.SECONDS);
                        if (i == 0) {
                            atOnce[0] = met; // frame 1 met frame 2 while it was being drawn
                        }
                    }
                    source.render(plan, i, pixels);
                }
            }, (d, t) -> { }, new AtomicBoolean());
            assertTrue(r.complete());
            if (!concurrent) {
                assertEquals(1, names.size(), "one thread draws: " + names);
            }
        }
        assertTrue(atOnce[0], "two lanes draw at the same moment");
        assertEquals(hash(dir.resolve("one")), hash(dir.resolve("lanes")));
        assertEquals(frames(dir.resolve("one")).size(), frames(dir.resolve("lanes")).size());
        assertEquals(Files.readString(dir.resolve("one").resolve("frames.json")),
                Files.readString(dir.resolve("lanes").resolve("frames.json")));
    }

    @Test
    void aFrameThatCannotBeDrawnStopsEveryLaneAndTheFolderListsWhatWasWritten(@TempDir Path dir) throws Exception {
        for (boolean concurrent : new boolean[] {true, false}) {
            Path out = dir.resolve(concurrent ? "lanes" : "one");
            Exporter.prepareFolder(out, SMALL);
            ExportException e = assertThrows(ExportException.class, () -> Exporter.run(SEQ2SEQ, SMALL, out,
                    drawing(new AwtFrameSource(SEQ2SEQ, SMALL), concurrent, 9), (d, t) -> { }, new AtomicBoolean()));
            assertTrue(e.getMessage().startsWith("frame 10 could not be drawn: IllegalStateException: out of paint"),
                    e.getMessage());
            JsonNode m = new ObjectMapper().readTree(out.resolve("frames.json").toFile());
            assertFalse(m.get("complete").booleanValue());
            assertEquals("failed", m.get("status").asText());
            List<Path> written = frames(out);
            // the frames before the one that failed, each whole, and the manifest lists exactly them
            assertEquals(m.get("frames").size(), written.size());
            assertTrue(written.size() <= 9, written.size() + " frames");
            for (int k = 0; k < written.size(); k++) {
                assertEquals(SMALL.fileName(k + 1), written.get(k).getFileName().toString());
                assertTrue(ImageIO.read(written.get(k).toFile()).getWidth() == 480);
            }
            try (Stream<Path> files = Files.list(out)) {
                assertTrue(files.noneMatch(p -> p.toString().endsWith(".part")), "no half-written frame");
            }
        }
    }

    @Test
    void aLastFrameThatFailsAfterTheFinishedManifestWasWorkedOutLeavesAManifestThatSaysSo(@TempDir Path dir)
            throws Exception {
        Path out = dir.resolve("last");
        Exporter.prepareFolder(out, SMALL);
        // the last frame (33) fails only once another lane, out of frames, waits to help with it: that lane has
        // worked out the manifest of the export finished by then, which must not be the one written
        AtomicBoolean helperWaited = new AtomicBoolean();
        FrameSource lateFailure = drawing(new AwtFrameSource(SEQ2SEQ, SMALL), true, 32, () -> {
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (!helperWaited.get() && System.nanoTime() < deadline) {
                helperWaited.set(Thread.getAllStackTraces().keySet().stream().anyMatch(ExportTest::waitingToHelp));
                Thread.sleep(5);
            }
            return null;
        });
        ExportException e = assertThrows(ExportException.class,
                () -> Exporter.run(SEQ2SEQ, SMALL, out, lateFailure, (d, t) -> { }, new AtomicBoolean()));
        assertTrue(helperWaited.get(), "no lane came to help with the last frame");
        assertTrue(e.getMessage().startsWith("frame 33 could not be drawn: IllegalStateException: out of paint"),
                e.getMessage());
        JsonNode m = new ObjectMapper().readTree(out.resolve("frames.json").toFile());
        assertFalse(m.get("complete").booleanValue());
        assertEquals("failed", m.get("status").asText());
        assertEquals(32, m.get("frames").size());
        assertEquals(32, frames(out).size());
    }

    /** Whether {@code t} is a lane with no frame left, waiting for the last frame to be drawn. */
    private static boolean waitingToHelp(Thread t) {
        return t.getState() == Thread.State.TIMED_WAITING
                && java.util.Arrays.stream(t.getStackTrace()).anyMatch(f -> f.getMethodName().equals("awaitOffer"));
    }

    /** Whether {@code t} is waiting in the committer for frames to be written before it begins its next. */
    private static boolean waitingForRoom(Thread t) {
        return t.getState() == Thread.State.TIMED_WAITING
                && java.util.Arrays.stream(t.getStackTrace()).anyMatch(f -> f.getMethodName().equals("awaitRoom"));
    }

    @Test
    void aCancelWhileALaneWaitsForAnotherLanesFrameEndsTheExport(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("waiting");
        Exporter.prepareFolder(out, SMALL);
        AtomicBoolean cancel = new AtomicBoolean();
        java.util.concurrent.CountDownLatch aheadDrawn = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicReference<Thread> ahead = new java.util.concurrent.atomic.AtomicReference<>();
        AwtFrameSource awt = new AwtFrameSource(SEQ2SEQ, SMALL);
        // the lane with frame 1 holds it until the lane that drew frame 4 waits for room to begin another (the
        // window is twice the lanes); then the export is cancelled and drawing frame 1 fails
        FrameSource source = new FrameSource() {
            @Override
            public boolean concurrent() {
                return true;
            }

            @Override
            public void render(double position, int[] pixels) {
                awt.render(position, pixels);
            }

            @Override
            public void render(FramePlan plan, int i, int[] pixels) throws Exception {
                if (i == 3) {
                    ahead.set(Thread.currentThread());
                    aheadDrawn.countDown();
                }
                if (i == 0) {
                    assertTrue(aheadDrawn.await(20, java.util.concurrent.TimeUnit.SECONDS));
                    // until the lane that drew frame 4 waits for room to begin another
                    long until = System.nanoTime() + 20_000_000_000L;
                    while (!waitingForRoom(ahead.get())) {
                        assertTrue(System.nanoTime() < until, "the other lane never waited for room");
                        Thread.sleep(5);
                    }
                    cancel.set(true);
                    throw new IllegalStateException("drawing stopped by the cancel (simulated)");
                }
                awt.render(plan, i, pixels);
            }
        };
        Exporter.Result r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
                () -> Exporter.run(SEQ2SEQ, SMALL, out, source, (d, t) -> { }, cancel));
        assertFalse(r.complete());
        assertEquals(0, r.framesWritten());
        JsonNode m = new ObjectMapper().readTree(out.resolve("frames.json").toFile());
        assertEquals("cancelled", m.get("status").asText());
        assertEquals(0, frames(out).size());
    }

    @Test
    void aBeatHeldOnScreenIsDrawnAndEncodedOnceAndWrittenForEveryFrame(@TempDir Path dir) throws Exception {
        DocumentTrace vanishing = DocumentTrace.run(Samples.load("rnn-vanishing.json"));
        ExportOptions o = new ExportOptions(320, 180, 1, 1, Phase.BOTH, 0, 0, "light", "frame_%04d.png",
                ExportOptions.Layout.PRESENTATION);
        FramePlan plan = new FramePlan(vanishing, o);
        AwtFrameSource awt = new AwtFrameSource(vanishing, o);
        java.util.List<Integer> drawn = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        FrameSource counting = new FrameSource() {
            @Override
            public boolean concurrent() {
                return awt.concurrent();
            }

            @Override
            public void render(double position, int[] pixels) {
                awt.render(position, pixels);
            }

            @Override
            public void render(FramePlan p, int i, int[] pixels) {
                drawn.add(i);
                awt.render(p, i, pixels);
            }
        };
        Path out = dir.resolve("held");
        Exporter.prepareFolder(out, o);
        Exporter.Result r = Exporter.run(vanishing, o, out, counting, (d, t) -> { }, new AtomicBoolean());
        assertTrue(r.complete());
        List<Path> files = frames(out);
        assertEquals(plan.count(), files.size());
        int repeats = 0;
        // the reference: every frame drawn, in order, by a source of its own (the layout keeps the network's
        // scale from one still to the next, so frames are drawn in order)
        AwtFrameSource reference = new AwtFrameSource(vanishing, o);
        for (int i = 0; i < plan.count(); i++) {
            byte[] bytes = Files.readAllBytes(files.get(i));
            if (plan.repeatsPrevious(i)) {
                repeats++;
                assertFalse(drawn.contains(i), "frame " + (i + 1) + " was drawn again");
                assertTrue(java.util.Arrays.equals(Files.readAllBytes(files.get(i - 1)), bytes), "frame " + (i + 1));
            }
            // every frame, held or not, is what drawing it gives
            int[] px = new int[320 * 180];
            reference.render(plan, i, px);
            assertTrue(java.util.Arrays.equals(Exporter.encode(px, 320, 180), bytes), "frame " + (i + 1));
        }
        assertTrue(repeats >= 10, repeats + " held frames"); // the lesson's four beats are held
        assertEquals(plan.count() - repeats, drawn.size());
    }

    @Test
    void theManifestIsThereBeforeTheFirstFrameAndSaysTheExportIsNotComplete(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("early");
        Exporter.prepareFolder(out, SMALL);
        JsonNode[] atFirstFrame = new JsonNode[1];
        Exporter.run(SEQ2SEQ, SMALL, out, new AwtFrameSource(SEQ2SEQ, SMALL), (done, total) -> {
            if (done == 1) {
                try {
                    atFirstFrame[0] = new ObjectMapper().readTree(out.resolve("frames.json").toFile());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }, new AtomicBoolean());
        JsonNode m = atFirstFrame[0];
        assertFalse(m.get("complete").booleanValue());
        assertEquals("in progress", m.get("status").asText());
        assertEquals(33, m.get("framesPlanned").asInt(), "the plan is recorded from the start");
        assertEquals("frame_%04d.png", m.get("pattern").asText());
        assertEquals(0, m.get("frames").size(), "a frame is listed only once it is on disk");
        JsonNode end = new ObjectMapper().readTree(out.resolve("frames.json").toFile());
        assertTrue(end.get("complete").booleanValue());
        assertEquals("complete", end.get("status").asText());
    }

    @Test
    void aFolderHoldingAnExportSaysWhatItHolds(@TempDir Path dir) throws Exception {
        Path done = dir.resolve("done");
        export(SEQ2SEQ, SMALL, done, new AtomicBoolean());
        ExportException e = assertThrows(ExportException.class, () -> Exporter.prepareFolder(done, SMALL));
        assertTrue(e.getMessage().contains("already holds a finished export (33 frames)"), e.getMessage());

        Path cancelled = dir.resolve("cancelled");
        AtomicBoolean cancel = new AtomicBoolean();
        Exporter.prepareFolder(cancelled, SMALL);
        Exporter.Result r = Exporter.run(SEQ2SEQ, SMALL, cancelled, new AwtFrameSource(SEQ2SEQ, SMALL), (d, t) -> {
            if (d == 3) {
                cancel.set(true);
            }
        }, cancel);
        ExportException e2 = assertThrows(ExportException.class, () -> Exporter.prepareFolder(cancelled, SMALL));
        assertTrue(e2.getMessage().contains("holds an incomplete export: " + r.framesWritten()
                + " of 33 frames (it was cancelled)"), e2.getMessage());

        // a killed export: the manifest still says "in progress", and more frames landed after it
        Path killed = dir.resolve("killed");
        Files.createDirectory(killed);
        Files.writeString(killed.resolve("frames.json"), """
                {"format": "unrolled-frames/1", "complete": false, "status": "in progress", "frameCount": 1,
                 "framesPlanned": 120, "pattern": "f_%03d.png", "frames": [{"file": "f_001.png"}]}""");
        Files.writeString(killed.resolve("f_001.png"), "x");
        Files.writeString(killed.resolve("f_002.png"), "x");
        Files.writeString(killed.resolve(".f_003.png.123.part"), "x");
        ExportException e3 = assertThrows(ExportException.class, () -> Exporter.prepareFolder(killed, SMALL));
        assertTrue(e3.getMessage().contains("holds an incomplete export: 1 of 120 frames (it was interrupted before "
                + "it finished, or is still running; 1 more frame file is not yet listed in frames.json)"),
                e3.getMessage());

        Path garbled = dir.resolve("garbled");
        Files.createDirectory(garbled);
        Files.writeString(garbled.resolve("frames.json"), "{\"complete\": fal");
        ExportException e4 = assertThrows(ExportException.class, () -> Exporter.prepareFolder(garbled, SMALL));
        assertTrue(e4.getMessage().contains("already holds a frames.json that cannot be read (it is not valid JSON"),
                e4.getMessage());
    }
}
