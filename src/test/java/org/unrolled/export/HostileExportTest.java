package org.unrolled.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unrolled.document.DocumentTrace;
import org.unrolled.engine.Engine;
import org.unrolled.engine.Trace;
import org.unrolled.io.Samples;
import org.unrolled.view.Phase;
import org.unrolled.view.StepSchedule;

/**
 * Exports against hostile options and an unlucky machine: patterns that would format something other
 * than the frame number or leave the folder, two exports racing for one folder, a plan of billions of
 * frames, a disk that fills up, a renderer that runs out of memory. None of it needs a display: the
 * frames come from a {@link FrameSource} that paints noise (which PNG cannot compress).
 */
class HostileExportTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DocumentTrace TRACE = DocumentTrace.run(Samples.load("rnn-step.json"));

    @TempDir
    Path dir;

    private static ExportOptions options(String pattern) {
        return new ExportOptions(64, 64, 4, 0.5, Phase.BOTH, 0, 0, "light", pattern);
    }

    /** Frames of seeded noise: about 12 KB each as PNG. */
    private static FrameSource noise() {
        Random rnd = new Random(7);
        return (position, pixels) -> {
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = 0xff000000 | rnd.nextInt(1 << 24);
            }
        };
    }

    @Test
    void aPatternMustHoldExactlyOneDecimalFieldAndNothingElseThatFormats() {
        for (String bad : List.of("frame.png", "%n.png", "%x.png", "..%cESCAPED.png", "%1$c.png", "%s.png",
                "a%d%d.png", "%%%d.png", "%0999999999d.png", "%-5d.png", "%,d.png", "%+d.png", "%1$d.png",
                "..%d.png", ".%d.png", "%d.png\u001b", "a\u0007%d.png", "x".repeat(300) + "%d.png", "%d.txt",
                "sub/%d.png", "%d")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> options(bad), bad);
            assertTrue(e.getMessage().length() < 400, "a short message for " + bad.length() + " characters");
            assertFalse(e.getMessage().chars().anyMatch(c -> c < 0x20), e.getMessage());
        }
        assertEquals("frame_0007.png", options("frame_%04d.png").fileName(7));
        assertEquals("7.png", options("%d.png").fileName(7));
        assertEquals("take 2 007.png", options("take 2 %03d.png").fileName(7));
        assertEquals("f00012345678.png", options("f%011d.png").fileName(12_345_678));
    }

    @Test
    void everyFrameNameStaysInsideTheFolder() throws Exception {
        ExportOptions o = options("f%d.png");
        Exporter.prepareFolder(dir.resolve("out"), o);
        Exporter.run(TRACE, o, dir.resolve("out"), noise(), (d, t) -> { }, new AtomicBoolean());
        try (Stream<Path> outside = Files.list(dir)) {
            assertEquals(List.of("out"), outside.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void theFolderCheckCoversEveryNameTheExportWillWrite() throws Exception {
        Files.writeString(dir.resolve("shot12.png"), "mine");
        // shot%d.png writes shot1.png … shot12.png …: the user's own shot12.png would be overwritten
        ExportException e = assertThrows(ExportException.class, () -> Exporter.prepareFolder(dir, options("shot%d.png")));
        assertTrue(e.getMessage().contains("shot12.png"), e.getMessage());
        assertEquals("mine", Files.readString(dir.resolve("shot12.png")));
    }

    @Test
    void aPipePlantedAsTheManifestIsRefusedNotWaitedOn() throws Exception {
        Path out = dir.resolve("planted");
        Files.createDirectories(out);
        assumeTrue(org.unrolled.io.HostileFilesTest.mkfifo(out.resolve("frames.json")), "mkfifo is not available here");
        ExportException e = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20),
                () -> assertThrows(ExportException.class, () -> Exporter.prepareFolder(out, options("%d.png"))));
        assertTrue(e.getMessage().contains("cannot be read"), e.getMessage());
    }

    @Test
    void twoExportsStartedAtOnceIntoOneFolderCannotBothSucceed() throws Exception {
        Path out = dir.resolve("shared");
        ExportOptions o = options("frame_%04d.png");
        CountDownLatch ready = new CountDownLatch(2);
        CountDownLatch go = new CountDownLatch(1);
        java.util.concurrent.CyclicBarrier checked = new java.util.concurrent.CyclicBarrier(2);
        AtomicReference<Throwable>[] outcome = new AtomicReference[2];
        Thread[] threads = new Thread[2];
        for (int k = 0; k < 2; k++) {
            AtomicReference<Throwable> mine = outcome[k] = new AtomicReference<>();
            threads[k] = new Thread(() -> {
                try {
                    ready.countDown();
                    go.await();
                    Exporter.prepareFolder(out, o);
                    checked.await(); // both have found the folder new and empty: the race the claim must decide
                    Exporter.run(TRACE, o, out, noise(), (d, t) -> { }, new AtomicBoolean());
                } catch (Throwable e) {
                    mine.set(e);
                }
            });
            threads[k].start();
        }
        ready.await();
        go.countDown();
        for (Thread t : threads) {
            t.join(60_000);
        }
        long failed = Stream.of(outcome).filter(r -> r.get() != null).count();
        assertEquals(1, failed, "exactly one export claims the folder");
        Throwable loser = Stream.of(outcome).map(AtomicReference::get).filter(x -> x != null).findFirst().get();
        assertTrue(loser instanceof ExportException, String.valueOf(loser));
        assertTrue(loser.getMessage().contains("another export"), loser.getMessage());
        JsonNode m = JSON.readTree(out.resolve("frames.json").toFile());
        assertTrue(m.get("complete").booleanValue());
    }

    @Test
    void framePlansAreCountedInLongsAndRefusedBeyondTheLimit() {
        // a 1000-step timeline at 240 fps and 60 s a step: 14,400 frames a step, 2000 steps forward and
        // back in one stretch, and the last frame: 28,800,001 frames (an int would still hold this; 100,000
        // steps would not, and are refused just the same)
        Trace longer = Engine.run(longRnn(1000));
        ExportOptions huge = new ExportOptions(64, 64, 240, 60, Phase.BOTH, 0, 0, "light", "%d.png");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new FramePlan(new StepSchedule(longer), huge));
        assertTrue(e.getMessage().contains("28800001 frames"), e.getMessage());
        assertTrue(e.getMessage().contains(String.valueOf(FramePlan.MAX_FRAMES)), e.getMessage());
        assertEquals(FramePlan.framesPlanned(new StepSchedule(longer), huge), 28_800_001L);
    }

    @Test
    void stepsOutsideTheScenarioAreAnError() {
        int n = new StepSchedule(TRACE.trace()).length();
        ExportOptions beyond = new ExportOptions(64, 64, 4, 0.5, Phase.BOTH, n + 3, n + 7, "light", "%d.png");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new FramePlan(new StepSchedule(TRACE.trace()), beyond));
        assertTrue(e.getMessage().contains("has " + n + " steps"), e.getMessage());
    }

    @Test
    void aRendererOutOfMemoryEndsInAFailedManifestAndAPlainMessage() throws Exception {
        Path out = dir.resolve("oom");
        ExportOptions o = options("frame_%04d.png");
        Exporter.prepareFolder(out, o);
        int[] calls = {0};
        FrameSource source = noise();
        FrameSource failing = (p, px) -> {
            if (++calls[0] == 3) {
                throw new OutOfMemoryError("Java heap space");
            }
            source.render(p, px);
        };
        ExportException e = assertThrows(ExportException.class,
                () -> Exporter.run(TRACE, o, out, failing, (d, t) -> { }, new AtomicBoolean()));
        assertTrue(e.outOfMemory());
        assertFalse(e.getMessage().contains("java.lang"), e.getMessage());
        assertTrue(e.getMessage().contains("out of memory"), e.getMessage());
        JsonNode m = JSON.readTree(out.resolve("frames.json").toFile());
        assertEquals("failed", m.get("status").asText());
        // frames drawn before the failure may or may not have been encoded by then; what is listed is on disk
        int listed = m.get("frameCount").asInt();
        assertTrue(listed <= 2, listed + " listed");
        assertEquals(listed, m.get("frames").size());
        for (int i = 1; i <= listed; i++) {
            assertTrue(Files.isRegularFile(out.resolve(o.fileName(i))));
        }
    }

    @Test
    void onAFullDiskTheMessageSaysWhatTheManifestReallyLists() throws Exception {
        Path mount = dir.resolve("small-disk");
        Files.createDirectories(mount);
        assumeTrue(Tmpfs.mount(mount, "160k"), "cannot mount a small tmpfs here (needs root and mount); "
                + "the full-disk case is not tested on this machine");
        try {
            Path out = mount.resolve("frames");
            ExportOptions o = options("frame_%04d.png");
            Exporter.prepareFolder(out, o);
            ExportException e = assertThrows(ExportException.class,
                    () -> Exporter.run(TRACE, o, out, noise(), (d, t) -> { }, new AtomicBoolean()));
            assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
            JsonNode m = JSON.readTree(out.resolve("frames.json").toFile());
            int listed = m.get("frames").size();
            int written;
            try (Stream<Path> files = Files.list(out)) {
                written = (int) files.filter(p -> p.getFileName().toString().matches("frame_\\d{4}\\.png")).count();
            }
            assertTrue(written > 0, "some frames fit");
            assertTrue(e.getMessage().contains(written + " of "), e.getMessage());
            if (listed < written) {
                assertTrue(e.getMessage().contains("lists " + listed), "honest about the manifest: " + e.getMessage());
            } else {
                assertTrue(e.getMessage().contains("lists them"), e.getMessage());
            }
        } finally {
            Tmpfs.unmount(mount);
        }
    }

    @Test
    void aSlideDeckOnAFullDiskSaysSoWithoutTheLibrarysClassNames() throws Exception {
        HeadlessFx.start();
        Path mount = dir.resolve("small-deck-disk");
        Files.createDirectories(mount);
        assumeTrue(Tmpfs.mount(mount, "64k"), "cannot mount a small tmpfs here (needs root and mount); "
                + "the full-disk case is not tested on this machine");
        try {
            Path deck = mount.resolve("x.pptx");
            org.unrolled.document.DocumentTrace lesson = org.unrolled.document.DocumentTrace.run(
                    org.unrolled.io.ScenarioReader.read(Path.of("samples/rnn-vanishing.json")));
            ExportOptions o = new ExportOptions(320, 180, 4, 0.5, org.unrolled.view.Phase.BOTH, 0, 0, "light", "f_%04d.png");
            ExportException e = assertThrows(ExportException.class, () -> FormatExport.run(FormatExport.Format.PPTX, lesson, o,
                    deck, new AwtFrameSource(lesson, o), (d, t) -> { }, new AtomicBoolean()));
            assertTrue(e.getMessage().contains("could not be written"), e.getMessage());
            assertFalse(e.getMessage().contains("org.apache"), e.getMessage());
            assertFalse(e.getMessage().contains("@"), e.getMessage());
            // and nothing before it: POI logs the failed write with its stack trace unless its logging is off
            assertFalse(org.apache.logging.log4j.LogManager.getLogger(
                    org.apache.poi.openxml4j.opc.internal.marshallers.ZipPartMarshaller.class).isErrorEnabled(),
                    "POI's error log is off: the export's own one line says what failed");
            try (Stream<Path> files = Files.list(mount)) {
                assertEquals(0, files.count(), "nothing left on the disk, not even a .part");
            }
        } finally {
            Tmpfs.unmount(mount);
        }
    }

    /** A many-to-many RNN of {@code t} steps, as a scenario. */
    static org.unrolled.engine.Scenario longRnn(int t) {
        org.unrolled.engine.Scenario s = Samples.load("rnn-step.json").scenario();
        org.unrolled.engine.Scenario.Builder b = s.toBuilder();
        double[][] rows = new double[t][s.inputSize()];
        b.inputs = org.unrolled.engine.Matrix.ofRows(rows);
        if (s.targetVectors() != null) {
            b.targetVectors = org.unrolled.engine.Matrix.ofRows(new double[s.mapping() == org.unrolled.engine.Mapping.MANY_TO_MANY ? t
                    : s.targetVectors().rows()][s.outputSize()]);
        }
        return b.build();
    }
}
